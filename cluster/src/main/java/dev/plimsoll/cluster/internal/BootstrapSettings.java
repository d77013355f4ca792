package dev.plimsoll.cluster.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Map;

/**
 * The Pekko configuration of a node that forms its cluster through Pekko Management's Cluster
 * Bootstrap: loading the bootstrap extension starts the management HTTP endpoint and the bootstrap
 * (configuration only, so this module needs no compile-time link to Pekko Management, whose jars
 * have no module names). Only a node allowed to found the cluster (the coordinator) may form a new
 * one; the others keep probing until a contact point answers that it is a member, then join it.
 *
 * @param method Pekko's discovery method: {@code kubernetes-api} or {@code config}
 * @param serviceName the name looked up (the label selector's {@code %s}, or the config service)
 * @param labelSelector the Kubernetes label selector, service name already put in
 * @param contactPoints with {@code config}: the management endpoints, {@code host:port}
 * @param managementHost where this node's management endpoint listens and is reached
 * @param managementPort its port
 * @param mayFoundCluster whether this node may form a new cluster when no contact point is in one
 */
public record BootstrapSettings(String method, String serviceName, String labelSelector, List<String> contactPoints,
    String managementHost, int managementPort, boolean mayFoundCluster) {

  private static final String EXTENSION = "org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap";
  private static final String BOOTSTRAP = "pekko.management.cluster.bootstrap.";
  private static final String DISCOVERY = BOOTSTRAP + "contact-point-discovery.";

  Config applyTo(Config c) {
    Config out = c
        .withValue("pekko.extensions", ConfigValueFactory.fromIterable(List.of(EXTENSION)))
        .withValue("pekko.management.http.hostname", ConfigValueFactory.fromAnyRef(managementHost))
        .withValue("pekko.management.http.port", ConfigValueFactory.fromAnyRef(managementPort))
        // Pekko's default, stated: no route may change the cluster (no cluster-http routes are on the class path either).
        .withValue("pekko.management.http.route-providers-read-only", ConfigValueFactory.fromAnyRef(true))
        .withValue(BOOTSTRAP + "new-cluster-enabled", ConfigValueFactory.fromAnyRef(mayFoundCluster))
        .withValue(DISCOVERY + "discovery-method", ConfigValueFactory.fromAnyRef(method))
        .withValue(DISCOVERY + "service-name", ConfigValueFactory.fromAnyRef(serviceName))
        // The coordinator is the one contact point: it founds the cluster as soon as it sees itself.
        .withValue(DISCOVERY + "required-contact-point-nr", ConfigValueFactory.fromAnyRef(1))
        .withValue(DISCOVERY + "stable-margin", ConfigValueFactory.fromAnyRef("2s"));
    if (method.equals("kubernetes-api")) {
      out = out.withValue(DISCOVERY + "port-name", ConfigValueFactory.fromAnyRef(dev.plimsoll.cluster.Bootstrap.KUBERNETES_PORT_NAME))
          .withValue("pekko.discovery.kubernetes-api.pod-label-selector", ConfigValueFactory.fromAnyRef(labelSelector))
          // Probe pods at their IP (what --management announces), not at a pod DNS name the cluster may not serve.
          .withValue("pekko.discovery.kubernetes-api.use-raw-ip", ConfigValueFactory.fromAnyRef(true));
    } else {
      List<Map<String, Object>> endpoints = contactPoints.stream().map(BootstrapSettings::endpoint).toList();
      out = out.withValue("pekko.discovery.config.services." + quoted(serviceName) + ".endpoints",
          ConfigValueFactory.fromIterable(endpoints));
    }
    return out;
  }

  private static Map<String, Object> endpoint(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return Map.of("host", hostPort.substring(0, colon), "port", Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static String quoted(String key) {
    return "\"" + key.replace("\"", "") + "\"";
  }
}
