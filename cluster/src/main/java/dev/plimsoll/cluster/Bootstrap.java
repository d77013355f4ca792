package dev.plimsoll.cluster;

import dev.plimsoll.cluster.internal.BootstrapSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Forming the cluster with Pekko Management's Cluster Bootstrap instead of a known coordinator
 * address ({@code plimsoll worker --bootstrap kubernetes-api}): every node runs a small Pekko
 * Management HTTP endpoint and looks up its <em>contact points</em>, the coordinator's management
 * endpoints, through a discovery method; the coordinator alone may found the cluster, and the
 * workers join it once it has. Only the discovery method differs between a Kubernetes cluster
 * ({@link #kubernetesApi()}: the pods the label selector matches) and a fixed list
 * ({@link #contactPoints}: Pekko's {@code config} discovery, for plain machines and tests).
 *
 * <p>The management endpoint serves only read-only routes: {@code /bootstrap/seed-nodes} (the
 * cluster members' Artery addresses) and the health checks {@code /alive}, {@code /ready},
 * {@code /startup}. Joining still takes the cluster's mutual TLS: discovery decides whom a node asks,
 * not whom it trusts.
 */
public final class Bootstrap {
  /** The port Pekko Management listens on unless told otherwise (Pekko's own default). */
  public static final int DEFAULT_MANAGEMENT_PORT = 7626;
  /** The discovery service name unless told otherwise: the coordinator's Service and pod label. */
  public static final String DEFAULT_SERVICE_NAME = "plimsoll-coordinator";
  /** The container port name Kubernetes API discovery probes on each pod it finds. */
  public static final String KUBERNETES_PORT_NAME = "management";
  /** Pekko's default label selector; {@code %s} stands for the service name. */
  public static final String DEFAULT_LABEL_SELECTOR = "app=%s";

  /** The discovery methods: Pekko's names for them. */
  public enum Method {
    /** Pods found through the Kubernetes API by label selector (needs RBAC to list pods). */
    KUBERNETES_API("kubernetes-api"),
    /** A fixed list of contact points in the configuration. */
    CONFIG("config");

    private final String pekkoName;

    Method(String pekkoName) {
      this.pekkoName = pekkoName;
    }

    /** Pekko's name for this method, as {@code --bootstrap} takes it. */
    public String pekkoName() {
      return pekkoName;
    }

    /**
     * The method Pekko calls {@code name}.
     *
     * @throws IllegalArgumentException naming the methods there are
     */
    public static Method of(String name) {
      for (Method m : values()) {
        if (m.pekkoName.equals(name)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown bootstrap method '" + name + "' (use kubernetes-api or config)");
    }
  }

  private final Method method;
  private final String serviceName;
  private final String labelSelector;
  private final List<ClusterAddress> contactPoints;
  private final ClusterAddress management;

  private Bootstrap(Method method, String serviceName, String labelSelector, List<ClusterAddress> contactPoints,
      ClusterAddress management) {
    this.method = method;
    this.serviceName = serviceName;
    this.labelSelector = labelSelector;
    this.contactPoints = contactPoints;
    this.management = management;
  }

  /**
   * Contact points from the Kubernetes API: the pods in this pod's namespace matching the
   * {@linkplain #labelSelector label selector}, at their container port named {@code management}.
   */
  public static Bootstrap kubernetesApi() {
    return new Bootstrap(Method.KUBERNETES_API, DEFAULT_SERVICE_NAME, DEFAULT_LABEL_SELECTOR, List.of(),
        new ClusterAddress("127.0.0.1", DEFAULT_MANAGEMENT_PORT));
  }

  /** Contact points given here: the coordinator's management endpoint(s), {@code host:port}. */
  public static Bootstrap contactPoints(List<ClusterAddress> endpoints) {
    List<ClusterAddress> copy = List.copyOf(endpoints);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("contact points must not be empty: give the coordinator's management HOST:PORT");
    }
    return new Bootstrap(Method.CONFIG, DEFAULT_SERVICE_NAME, DEFAULT_LABEL_SELECTOR, copy,
        new ClusterAddress("127.0.0.1", DEFAULT_MANAGEMENT_PORT));
  }

  /** The name discovery looks up (default {@value #DEFAULT_SERVICE_NAME}). */
  public Bootstrap serviceName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("service name must not be blank");
    }
    return new Bootstrap(method, name, labelSelector, contactPoints, management);
  }

  /**
   * With {@link #kubernetesApi()}: the pods to ask, {@code %s} standing for the service name
   * (default {@value #DEFAULT_LABEL_SELECTOR}). It must match the coordinator's pod only.
   */
  public Bootstrap labelSelector(String selector) {
    Objects.requireNonNull(selector, "selector");
    if (selector.isBlank()) {
      throw new IllegalArgumentException("label selector must not be blank");
    }
    return new Bootstrap(method, serviceName, selector, contactPoints, management);
  }

  /**
   * Where this node's Pekko Management HTTP endpoint listens (default 127.0.0.1:{@value
   * #DEFAULT_MANAGEMENT_PORT}); on Kubernetes the pod's IP, which the others reach.
   */
  public Bootstrap management(ClusterAddress address) {
    Objects.requireNonNull(address, "address");
    if (address.port() == 0) {
      // Pekko Management announces its configured port as this node's contact point.
      throw new IllegalArgumentException("the management port must be a fixed port, not 0");
    }
    return new Bootstrap(method, serviceName, labelSelector, contactPoints, address);
  }

  public Method method() {
    return method;
  }

  public String serviceName() {
    return serviceName;
  }

  /** The label selector with the service name put in: the one Kubernetes is asked with. */
  public String effectiveLabelSelector() {
    return labelSelector.contains("%s") ? labelSelector.replace("%s", serviceName) : labelSelector;
  }

  public List<ClusterAddress> contactPoints() {
    return contactPoints;
  }

  public ClusterAddress management() {
    return management;
  }

  /**
   * Fails, saying why, where this bootstrap cannot work: Kubernetes API discovery needs the API
   * server's address, which Kubernetes gives every pod, and the pod's service account token.
   * (Otherwise Pekko's bootstrap ends the node at start, with the reason only in Pekko's log.)
   */
  void checkEnvironment(Map<String, String> environment) {
    if (method != Method.KUBERNETES_API) {
      return;
    }
    if (environment.get("KUBERNETES_SERVICE_HOST") == null) {
      throw new ClusterException("--bootstrap kubernetes-api works in a Kubernetes pod: KUBERNETES_SERVICE_HOST is"
          + " not set here (elsewhere, give the coordinator's address with --join, or use --bootstrap config)");
    }
    if (!Files.isReadable(Path.of(SERVICE_ACCOUNT_TOKEN))) {
      throw new ClusterException("--bootstrap kubernetes-api needs the pod's service account token at "
          + SERVICE_ACCOUNT_TOKEN + " (is automountServiceAccountToken off?)");
    }
  }

  /** Where Kubernetes mounts a pod's service account token (Pekko's default api-token-path). */
  static final String SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

  BootstrapSettings settings(boolean mayFoundCluster) {
    return new BootstrapSettings(method.pekkoName(), serviceName, effectiveLabelSelector(),
        contactPoints.stream().map(ClusterAddress::toString).toList(), management.host(), management.port(),
        mayFoundCluster);
  }

  @Override
  public String toString() {
    return method.pekkoName() + " " + serviceName
        + (method == Method.KUBERNETES_API ? " (" + effectiveLabelSelector() + ")" : " " + contactPoints)
        + ", management at " + management;
  }
}
