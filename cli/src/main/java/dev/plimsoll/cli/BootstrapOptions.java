package dev.plimsoll.cli;

import dev.plimsoll.cluster.Bootstrap;
import dev.plimsoll.cluster.ClusterAddress;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap} and its options, for {@code plimsoll worker} and {@code plimsoll run --workers}:
 * forming the cluster through Pekko Management's Cluster Bootstrap instead of a known coordinator
 * address (on Kubernetes, where the coordinator's pod IP is not known in advance).
 */
final class BootstrapOptions {

  @Option(names = "--bootstrap", paramLabel = "METHOD",
      description = "Form the cluster with Pekko Cluster Bootstrap instead of --join: kubernetes-api (the "
          + "coordinator is the pod matching --bootstrap-selector) or config (the coordinator's management "
          + "endpoint is --contact-point).")
  String method;

  @Option(names = "--bootstrap-service", paramLabel = "NAME",
      defaultValue = "${env:PEKKO_CLUSTER_BOOTSTRAP_SERVICE_NAME:-" + Bootstrap.DEFAULT_SERVICE_NAME + "}",
      description = "With --bootstrap: the name discovery looks up (default $PEKKO_CLUSTER_BOOTSTRAP_SERVICE_NAME, "
          + "else " + Bootstrap.DEFAULT_SERVICE_NAME + ").")
  String service;

  @Option(names = "--bootstrap-selector", paramLabel = "SELECTOR",
      description = "With --bootstrap kubernetes-api: the label selector of the coordinator's pod, the service "
          + "name standing for %%s (default app=<service>).")
  String selector;

  @Option(names = "--contact-point", paramLabel = "HOST:PORT",
      description = "With --bootstrap config: the coordinator's management endpoint (repeatable).")
  List<String> contactPoints;

  @Option(names = "--management", paramLabel = "HOST:PORT",
      description = "With --bootstrap: where this node's Pekko Management endpoint listens, reachable by the "
          + "others (default: this node's host, port " + Bootstrap.DEFAULT_MANAGEMENT_PORT + ").")
  String management;

  boolean enabled() {
    return method != null;
  }

  boolean anySet() {
    return method != null || selector != null || contactPoints != null || management != null;
  }

  /**
   * The bootstrap of a node whose Artery address is {@code self}; a coordinator with {@code config}
   * discovery is its own contact point unless told otherwise.
   */
  Bootstrap bootstrap(ClusterAddress self, boolean coordinator) {
    Bootstrap.Method m;
    try {
      m = Bootstrap.Method.of(method);
    } catch (IllegalArgumentException e) {
      throw new UserException("--bootstrap: " + e.getMessage());
    }
    ClusterAddress mgmt = management != null ? ClusterAddress.parse(management) : defaultManagement(self);
    Bootstrap b = switch (m) {
      case KUBERNETES_API -> {
        if (contactPoints != null) {
          throw new UserException("--contact-point goes with --bootstrap config, not kubernetes-api");
        }
        yield selector == null ? Bootstrap.kubernetesApi() : Bootstrap.kubernetesApi().labelSelector(selector);
      }
      case CONFIG -> {
        if (selector != null) {
          throw new UserException("--bootstrap-selector goes with --bootstrap kubernetes-api, not config");
        }
        if (contactPoints == null && !coordinator) {
          throw new UserException("--bootstrap config needs --contact-point HOST:PORT (the coordinator's --management)");
        }
        yield Bootstrap.contactPoints(contactPoints == null ? List.of(mgmt)
            : contactPoints.stream().map(ClusterAddress::parse).toList());
      }
    };
    try {
      return b.serviceName(service).management(mgmt);
    } catch (IllegalArgumentException e) {
      throw new UserException("--management: " + e.getMessage());
    }
  }

  private static ClusterAddress defaultManagement(ClusterAddress self) {
    if (self.host().equals("0.0.0.0") || self.host().equals("::")) {
      // The management address is also what the others are told to reach: it cannot be a wildcard.
      throw new UserException("--bootstrap needs --management HOST:PORT with an address the others reach"
          + " (this node listens on " + self.host() + ")");
    }
    return new ClusterAddress(self.host(), Bootstrap.DEFAULT_MANAGEMENT_PORT);
  }
}
