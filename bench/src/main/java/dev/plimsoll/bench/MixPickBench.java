package dev.plimsoll.bench;

import dev.plimsoll.core.Mix;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@link Mix#pick(long)}, the exact-interleaving lookup every iteration of a
 * multi-operation workload makes. Mainly here to show the JMH set-up of this module works; the
 * engine-level benchmarks are the plain {@code main} programs beside it.
 *
 * <p>Run (after {@code mvn -q -B -pl core,bench -am package -DskipTests}), with a JDK 21+ java:
 *
 * <pre>
 * java -jar bench/target/plimsoll-bench.jar MixPickBench -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 *
 * ({@code java -cp bench/target/plimsoll-bench.jar org.openjdk.jmh.Main MixPickBench ...} is the
 * same.) The defaults below (1 fork, 3 × 1 s warm-up, 5 × 1 s measurement) apply without options.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MixPickBench {

  /** Weights whose reduced total is the interleaving's period: 3 (small), 1,000 and 1,000,000 (the limit). */
  @Param({"2:1", "900:99:1", "999983:17"})
  public String weights;

  private Mix mix;
  private long n;

  @Setup
  public void setUp() {
    Mix.Builder builder = Mix.builder();
    String[] parts = weights.split(":");
    for (int i = 0; i < parts.length; i++) {
      builder.add("op" + i, Integer.parseInt(parts[i]), ctx -> {});
    }
    mix = builder.build();
  }

  @Benchmark
  public int pick() {
    return mix.pick(n++);
  }
}
