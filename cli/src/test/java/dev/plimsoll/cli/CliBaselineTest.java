package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.results.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --save-baseline} and {@code --baseline} against a real nginx, as a user runs them: a run
 * saved, the same load gated against it, a fall in throughput failing the run (exit 1), and a
 * baseline that cannot be used refused before anything is sent (exit 2).
 */
class CliBaselineTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @TempDir Path dir;

  private CliRunner.Outcome http(String rate, String... more) {
    String[] base = {"http", nginx.url(0, "/orders/1"), "--rate", rate, "--duration", "2s", "--no-progress"};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRunner.run(args);
  }

  private long served(long before) {
    // nginx.requests reads a status page, which it counts too.
    return nginx.requests(0) - before - 1;
  }

  @Test
  void aSavedBaselineGatesTheSameLoad_andAFallInThroughputFailsTheRun() throws Exception {
    Path baseline = dir.resolve("baseline.json");
    CliRunner.Outcome saved = http("50/s", "--out", dir.resolve("first").toString(), "--save-baseline", baseline.toString());
    assertThat(saved.code()).as(saved.out() + saved.err()).isZero();
    assertThat(ResultFiles.read(baseline).total().completed()).isEqualTo(100);

    // Loopback latencies of a fraction of a millisecond vary by more than 50 % between runs on a
    // shared machine; this run is about throughput, which an open model makes exact.
    Path second = dir.resolve("second");
    CliRunner.Outcome same = http("50/s", "--out", second.toString(), "--baseline", baseline.toString(),
        "--gate-latency", "100000%");
    assertThat(same.code()).as(same.out() + same.err()).isZero();
    assertThat(same.out()).contains("PASSED").contains("total: throughput 50/s vs baseline 50/s (+0 %, limit -10 %)");
    assertThat(ResultFiles.read(second.resolve("result.json")).verdicts())
        .anySatisfy(v -> assertThat(v.criterion().source()).startsWith("total: throughput 50/s"));

    Path third = dir.resolve("third");
    CliRunner.Outcome slower = http("25/s", "--out", third.toString(), "--baseline", baseline.toString(),
        "--baseline-any-shape", "--gate-latency", "100000%");
    assertThat(slower.code()).as(slower.out() + slower.err()).isEqualTo(1);
    assertThat(slower.out()).contains("FAILED")
        .contains("total: throughput 25/s vs baseline 50/s (-50 %, limit -10 %)");
    RunResult failed = ResultFiles.read(third.resolve("result.json"));
    assertThat(failed.verdicts()).anySatisfy(v -> {
      assertThat(v.detail()).isEqualTo("total: throughput 25/s vs baseline 50/s (-50 %, limit -10 %)");
      assertThat(v.passed()).isFalse();
    });
    assertThat(Files.readString(third.resolve("report.md"))).contains("total: throughput 25/s vs baseline 50/s");
  }

  @Test
  void gateLimits_perOperation_winOverTheGatesForThatOperationAlone() throws Exception {
    Path baseline = dir.resolve("baseline.json");
    assertThat(http("40/s", "--out", dir.resolve("first").toString(), "--save-baseline", baseline.toString()).code()).isZero();

    // Half the throughput: within the gate's -60 % for the request, beyond the -40 % for all together.
    Path second = dir.resolve("second");
    CliRunner.Outcome halved = http("20/s", "--out", second.toString(), "--baseline", baseline.toString(),
        "--baseline-any-shape", "--gate-latency", "100000%", "--gate-throughput", "40%,total=60%",
        "--gate-throughput", "request=40%");

    assertThat(halved.code()).as(halved.out() + halved.err()).isEqualTo(1);
    assertThat(ResultFiles.read(second.resolve("result.json")).verdicts())
        .anySatisfy(v -> {
          assertThat(v.detail()).isEqualTo("total: throughput 20/s vs baseline 40/s (-50 %, limit -40 %)");
          assertThat(v.passed()).isFalse();
        })
        .anySatisfy(v -> {
          assertThat(v.detail()).isEqualTo("request: throughput 20/s vs baseline 40/s (-50 %, limit -60 %)");
          assertThat(v.passed()).isTrue();
        });
    CliRunner.Outcome tooHigh = http("20/s", "--baseline", baseline.toString(), "--gate-throughput", "request=120%");
    assertThat(tooHigh.code()).isEqualTo(2);
    assertThat(tooHigh.err()).contains("--gate-throughput request=120%: the least throughput must be 100% or less");
  }

  @Test
  void anotherLoad_isRefusedBeforeAnythingIsSent_sayingWhatDiffers() throws Exception {
    Path baseline = dir.resolve("baseline.json");
    assertThat(http("20/s", "--out", dir.resolve("first").toString(), "--save-baseline", baseline.toString()).code()).isZero();
    long before = nginx.requests(0);

    CliRunner.Outcome other = http("40/s", "--out", dir.resolve("second").toString(), "--baseline", baseline.toString());

    assertThat(other.code()).as(other.out() + other.err()).isEqualTo(2);
    assertThat(other.err()).contains("the load differs from baseline " + baseline)
        .contains("load 'open: constant 40/s").contains("vs baseline 'open: constant 20/s")
        .contains("(--baseline-any-shape compares them anyway)");
    assertThat(served(before)).isZero();
  }

  @Test
  void aBaselineThatCannotBeUsed_isRefusedBeforeAnythingIsSent() throws Exception {
    Path missing = dir.resolve("missing.json");
    Path foreign = Files.writeString(dir.resolve("foreign.json"), "{\"schemaVersion\": 99}");
    long before = nginx.requests(0);

    CliRunner.Outcome absent = http("20/s", "--out", dir.resolve("a").toString(), "--baseline", missing.toString());
    CliRunner.Outcome wrong = http("20/s", "--out", dir.resolve("b").toString(), "--baseline", foreign.toString());
    CliRunner.Outcome orphan = http("20/s", "--gate-throughput", "80%");
    CliRunner.Outcome notAPercent = http("20/s", "--baseline", foreign.toString(), "--gate-latency", "lots");
    CliRunner.Outcome notALatency = http("20/s", "--baseline", foreign.toString(), "--gate-metric", "error_rate");

    assertThat(absent.code()).isEqualTo(2);
    assertThat(absent.err()).contains("plimsoll: baseline " + missing + ": no such file");
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("plimsoll: baseline " + foreign + " is not a result this version can read")
        .contains("schemaVersion");
    assertThat(orphan.code()).isEqualTo(2);
    assertThat(orphan.err()).contains("--baseline-any-shape and --gate-* need --baseline FILE");
    assertThat(notAPercent.code()).isEqualTo(2);
    assertThat(notAPercent.err()).contains("--gate-latency 'lots' is not a percent (e.g. 90%)");
    assertThat(notALatency.code()).isEqualTo(2);
    assertThat(notALatency.err()).contains("--gate-metric 'error_rate' is not a latency (allowed: min, mean, p50");
    assertThat(served(before)).isZero();
    assertThat(dir.resolve("a")).doesNotExist();
  }
}
