package dev.plimsoll.examples.vectors;

import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Stage;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.criteria.Preset;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The vector store's scenarios, with the numbers of the issue that asked for them. Every one is an
 * open model (queries arrive at the given rate whether or not the store keeps up) with at most
 * "clients" queries in flight.
 */
public enum VectorScenario {
  /** 10 QPS for 30 s over 1,000 vectors of 128 dimensions, 5 clients, the development preset. */
  SMOKE(128, 1_000, 5, Duration.ofSeconds(30), Duration.ofSeconds(30)) {
    @Override
    RateProfile profile(Duration duration) {
      return RateProfile.constant(10);
    }

    @Override
    void judge(Scenario.Builder b) {
      b.preset(Preset.DEVELOPMENT);
    }
  },
  /**
   * Read-heavy: 100 QPS, 70 % search, 20 % insert, 10 % metadata over 10,000 vectors, 10 clients;
   * the production preset: p95 < 25 ms, errors < 0.1 %, memory growth < 10 MB/min, CPU < 70 %.
   */
  BASELINE(512, 10_000, 10, Duration.ofMinutes(1), Duration.ofMinutes(30)) {
    @Override
    RateProfile profile(Duration duration) {
      return RateProfile.constant(100);
    }
  },
  /**
   * Write-heavy: 200 QPS over 50,000 vectors, 40 % search and 60 % writes (insert, update and
   * delete of the oldest in equal parts, so the store's size holds), 20 clients, the production preset.
   */
  SUSTAINED(512, 50_000, 20, Duration.ofMinutes(2), Duration.ofMinutes(60)) {
    @Override
    RateProfile profile(Duration duration) {
      return RateProfile.constant(200);
    }

    @Override
    Mix mix(VectorOperations ops) {
      return Mix.builder()
          .add("search", 40, ops.search())
          .add("insert", 20, ops.insert())
          .add("update", 20, ops.update())
          .add("delete", 20, ops.delete())
          .build();
    }
  },
  /**
   * The baseline's mix and store at 100 QPS, then 500 QPS for the middle fifth of the run, then
   * 100 QPS again; {@link SpikeRecovery} checks that latency comes back to where it was.
   */
  SPIKE(512, 10_000, 50, Duration.ofMinutes(1), Duration.ofMinutes(30)) {
    @Override
    RateProfile profile(Duration duration) {
      Duration step = Duration.ofMillis(1);
      return RateProfile.stages(100,
          Stage.rampTo(100, spikeStart(duration)),
          Stage.rampTo(500, step),
          Stage.rampTo(500, spikeEnd(duration).minus(spikeStart(duration)).minus(step)),
          Stage.rampTo(100, step));
    }
  },
  /** Reads through hot, warm and cold storage, 80 / 15 / 5, at 100 QPS: p99 < 100 ms. */
  TIERED(512, 10_000, 30, Duration.ofMinutes(1), Duration.ofMinutes(30)) {
    @Override
    RateProfile profile(Duration duration) {
      return RateProfile.constant(100);
    }

    @Override
    Mix mix(VectorOperations ops) {
      return Mix.builder()
          .add("read-hot", 80, ops.read(TieredStorage.HOT))
          .add("read-warm", 15, ops.read(TieredStorage.WARM))
          .add("read-cold", 5, ops.read(TieredStorage.COLD))
          .build();
    }

    @Override
    void judge(Scenario.Builder b) {
      b.criterion("p99 < 100ms").criterion("error_rate < 0.1%");
    }
  };

  private final int dimensions;
  private final int vectors;
  private final int clients;
  private final Duration quick;
  private final Duration full;

  VectorScenario(int dimensions, int vectors, int clients, Duration quick, Duration full) {
    this.dimensions = dimensions;
    this.vectors = vectors;
    this.clients = clients;
    this.quick = quick;
    this.full = full;
  }

  abstract RateProfile profile(Duration duration);

  /** The read-heavy mix: 70 % search, 20 % insert, 10 % metadata. */
  Mix mix(VectorOperations ops) {
    return Mix.builder()
        .add("search", 70, ops.search())
        .add("insert", 20, ops.insert())
        .add("metadata", 10, ops.metadata())
        .build();
  }

  void judge(Scenario.Builder b) {
    b.preset(Preset.PRODUCTION);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int dimensions() {
    return dimensions;
  }

  public int vectors() {
    return vectors;
  }

  public int clients() {
    return clients;
  }

  /** How long the quick variant runs (minutes at most). */
  public Duration quickDuration() {
    return quick;
  }

  /** How long the full variant runs (30 to 60 minutes; the smoke test stays 30 s). */
  public Duration fullDuration() {
    return full;
  }

  /** The store this scenario starts from, loaded. */
  public VectorOperations load(long seed) {
    return VectorOperations.loaded(dimensions, vectors, seed);
  }

  /** This scenario over {@code ops}, running for {@code duration}, the first tenth of it warm-up. */
  public Scenario scenario(VectorOperations ops, Duration duration) {
    Scenario.Builder b = Scenario.builder("vector-store-" + label())
        .workload(Workload.of("queries", mix(ops), OpenModel.of(profile(duration)).maxInFlight(clients)))
        .duration(duration)
        .warmUp(duration.dividedBy(10));
    judge(b);
    return b.build();
  }

  /** When the spike starts: 40 % into the run. */
  static Duration spikeStart(Duration duration) {
    return Duration.ofMillis(duration.toMillis() * 2 / 5);
  }

  /** When the spike ends: 60 % into the run. */
  static Duration spikeEnd(Duration duration) {
    return Duration.ofMillis(duration.toMillis() * 3 / 5);
  }

  public static VectorScenario named(String label) {
    for (VectorScenario s : values()) {
      if (s.label().equalsIgnoreCase(label.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scenario '" + label + "' (known: "
        + String.join(", ", Arrays.stream(values()).map(VectorScenario::label).toList()) + ")");
  }

  public static List<VectorScenario> all() {
    return List.of(values());
  }
}
