package dev.plimsoll.examples.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where agents find the services they call. Instances register under a service name; a health
 * check asks an instance over the (simulated) network and records the answer; a lookup returns the
 * instances last seen healthy.
 */
public final class ServiceRegistry {
  private final Map<String, List<Instance>> services = new ConcurrentHashMap<>();
  private final Map<String, Boolean> healthy = new ConcurrentHashMap<>();
  private final HealthProbe probe;

  public ServiceRegistry(HealthProbe probe) {
    this.probe = probe;
  }

  public void register(Instance instance) {
    services.computeIfAbsent(instance.service(), s -> new CopyOnWriteArrayList<>()).add(instance);
    healthy.put(instance.id(), true);
  }

  public boolean deregister(Instance instance) {
    healthy.remove(instance.id());
    List<Instance> list = services.get(instance.service());
    return list != null && list.remove(instance);
  }

  /** The instances of {@code service} whose last health check passed. */
  public List<Instance> healthyInstances(String service) {
    return services.getOrDefault(service, List.of()).stream()
        .filter(i -> healthy.getOrDefault(i.id(), false))
        .toList();
  }

  /** All instances of {@code service}, healthy or not. */
  public List<Instance> instances(String service) {
    return List.copyOf(services.getOrDefault(service, List.of()));
  }

  /**
   * Checks one instance and records the answer.
   *
   * @return whether it answered healthy
   */
  public boolean check(Instance instance) throws InterruptedException {
    boolean up = probe.healthy(instance);
    healthy.put(instance.id(), up);
    return up;
  }

  /** One running copy of a service. */
  public record Instance(String service, String id, String host, int port) {}

  /** Asks an instance whether it is healthy: a network call in a real system. */
  @FunctionalInterface
  public interface HealthProbe {
    boolean healthy(Instance instance) throws InterruptedException;
  }

  /**
   * A probe that takes {@code latency} (the round trip a real probe would wait for) and finds an
   * instance unhealthy when its id's hash falls in the given share, so the same instances are
   * always the sick ones.
   */
  public static HealthProbe simulated(Duration latency, double unhealthyShare) {
    return instance -> {
      Thread.sleep(latency);
      return Math.floorMod(instance.id().hashCode(), 1000) >= unhealthyShare * 1000;
    };
  }
}
