package dev.plimsoll.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces made for one test, as separate machines on one switch: each node has a
 * namespace of its own with one address on 10.231.0.0/24, joined by a bridge that lives in a hub
 * namespace of its own, so nothing reaches the host's interfaces. Needs root and {@code ip}; tests are
 * skipped, saying why, without them. {@link #close()} deletes every namespace (their links go with them).
 */
final class NetworkNamespaces implements AutoCloseable {
  private final String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  private final String hub = "plh" + id;
  private final Map<String, String> namespaces = new LinkedHashMap<>();
  private final Map<String, String> addresses = new LinkedHashMap<>();

  private NetworkNamespaces() {}

  static void assumeAvailable() {
    boolean root = "root".equals(System.getProperty("user.name"));
    assumeTrue(root, "network namespaces need root: skipping the test across namespaces");
    NetworkNamespaces probe = new NetworkNamespaces();
    try {
      probe.ip("netns", "add", probe.hub);
    } catch (IllegalStateException e) {
      assumeTrue(false, "cannot create a network namespace here (" + e.getMessage() + "): skipping");
    } finally {
      probe.close();
    }
  }

  /** A namespace per node name, in order, addressed 10.231.0.1, .2, ... */
  static NetworkNamespaces create(String... nodes) {
    NetworkNamespaces n = new NetworkNamespaces();
    try {
      n.ip("netns", "add", n.hub);
      n.in(n.hub, "ip", "link", "add", "br0", "type", "bridge");
      n.in(n.hub, "ip", "link", "set", "br0", "up");
      for (int i = 0; i < nodes.length; i++) {
        String ns = "pl" + n.id + "-" + nodes[i];
        String address = "10.231.0." + (i + 1);
        String inside = "pl" + n.id + i + "a";
        String outside = "pl" + n.id + i + "b";
        n.ip("netns", "add", ns);
        n.namespaces.put(nodes[i], ns);
        n.addresses.put(nodes[i], address);
        n.ip("link", "add", inside, "netns", ns, "type", "veth", "peer", "name", outside, "netns", n.hub);
        n.in(n.hub, "ip", "link", "set", outside, "master", "br0", "up");
        n.in(ns, "ip", "addr", "add", address + "/24", "dev", inside);
        n.in(ns, "ip", "link", "set", inside, "up");
        n.in(ns, "ip", "link", "set", "lo", "up");
      }
      return n;
    } catch (RuntimeException e) {
      n.close();
      throw e;
    }
  }

  String address(String node) {
    return addresses.get(node);
  }

  /** The prefix that runs a command in {@code node}'s namespace. */
  List<String> exec(String node) {
    return List.of("ip", "netns", "exec", namespaces.get(node));
  }

  private void in(String ns, String... command) {
    List<String> c = new ArrayList<>(List.of("netns", "exec", ns));
    c.addAll(List.of(command));
    ip(c.toArray(String[]::new));
  }

  private void ip(String... args) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + ": " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    List<String> all = new ArrayList<>(namespaces.values());
    all.add(hub);
    for (String ns : all) {
      try {
        ip("netns", "del", ns);
      } catch (IllegalStateException e) {
        // Already gone, or never made.
      }
    }
  }
}
