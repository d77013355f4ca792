package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.http.testing.Nginx;
import dev.plimsoll.http.testing.NginxExtension;
import dev.plimsoll.results.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-machine recipe of deploy/README.md and deploy/systemd, without the machines: every
 * plimsoll command in the README is accepted by the command line, the unit passes systemd's own
 * check, and the recipe's coordinator with a worker started as the unit starts it (without systemd)
 * run a scenario on loopback over mutual TLS, as does the bootstrap recipe.
 */
@Timeout(180)
class DeployPlainMachinesTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @Test
  void everyPlimsollCommandInTheReadmeIsAcceptedByTheCommandLine() throws Exception {
    List<List<String>> commands = DeployFiles.readmeCommands();
    List<String> seen = new ArrayList<>();
    for (List<String> words : commands) {
      List<String> args = words.stream().map(w -> w.replace("$COORDINATOR", "coord.example")
          .replace("$LISTEN", "10.0.0.12:25521")).toList();
      Object command = DeployFiles.parse(args);
      // Configured as the command would (not started); the TLS files are not on this machine.
      if (command instanceof RunCommand run) {
        run.cluster.tlsDir = null;
        run.cluster.checkNotSetAlone();
        run.cluster.builder();
      } else if (command instanceof WorkerCommand worker) {
        worker.tlsDir = null;
        worker.builder();
      }
      seen.add(args.get(0) + (args.contains("--bootstrap") ? " --bootstrap" : ""));
    }
    assertThat(seen).contains("certs", "run", "worker", "run --bootstrap", "worker --bootstrap");
  }

  @Test
  void theWorkerUnitPassesSystemdsCheck(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
    Path unit = Files.copy(DeployFiles.deploy("systemd/plimsoll-worker.service"), dir.resolve("plimsoll-worker.service"));
    Process p = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).doesNotContain("plimsoll-worker.service:");
  }

  @Test
  void theRecipesCoordinatorAndAWorkerStartedAsTheUnitStartsItRunAScenario(@TempDir Path dir) throws Exception {
    Path here = Files.createDirectories(dir.resolve("coordinator"));
    Path etc = Files.createDirectories(dir.resolve("etc-plimsoll"));
    makeCertificates(here);
    // What the recipe's scp and mv put in /etc/plimsoll/tls.
    Files.createDirectories(etc.resolve("tls"));
    for (String f : List.of("ca-trust.p12", "password", "worker.p12")) {
      Files.copy(here.resolve("tls").resolve(f), etc.resolve("tls").resolve(f));
    }
    int artery = Nginx.freePorts(1)[0];

    // The worker: the unit's ExecStart, its variables from worker.env.example pointed at loopback.
    Map<String, String> env = envFile(DeployFiles.deploy("systemd/worker.env.example"));
    assertThat(env).containsOnlyKeys("COORDINATOR", "LISTEN");
    env.put("COORDINATOR", "127.0.0.1:" + artery);
    env.put("LISTEN", "127.0.0.1:0");
    Map<String, String> unit = unitSettings(DeployFiles.deploy("systemd/plimsoll-worker.service"));
    assertThat(unit.get("WorkingDirectory")).isEqualTo("/etc/plimsoll");
    assertThat(unit.get("EnvironmentFile")).isEqualTo("/etc/plimsoll/worker.env");
    List<String> exec = DeployFiles.words(unit.get("ExecStart"));
    assertThat(exec.subList(0, 3)).containsExactly("/usr/bin/java", "-jar", "/opt/plimsoll/plimsoll-cli.jar");
    List<String> workerArgs = exec.subList(3, exec.size()).stream().map(w -> expand(w, env)).toList();

    // The coordinator: the recipe's `plimsoll run`, on loopback, with the one worker started here.
    List<String> run = DeployFiles.readmeCommands().stream()
        .filter(c -> c.get(0).equals("run") && !c.contains("--bootstrap")).findFirst().orElseThrow();
    Path scenario = scenario(dir);
    List<String> runArgs = new ArrayList<>();
    for (int i = 0; i < run.size(); i++) {
      String w = run.get(i).replace("$COORDINATOR:25520", "127.0.0.1:" + artery);
      if (i > 0 && run.get(i - 1).equals("--workers")) {
        w = "1";
      }
      runArgs.add(switch (w) {
        case "scenario.yaml" -> scenario.toString();
        case "tls", "results" -> here.resolve(w).toString();
        default -> w;
      });
    }
    runAndCheck(runArgs, etc, workerArgs, here.resolve("results"));
  }

  @Test
  void theBootstrapRecipeRunsAScenarioOnLoopback(@TempDir Path dir) throws Exception {
    makeCertificates(dir);
    List<List<String>> commands = DeployFiles.readmeCommands().stream().filter(c -> c.contains("--bootstrap")
        && c.contains("config")).toList();
    assertThat(commands).hasSize(2);
    // Each of the README's HOST:PORT (two machines) becomes a free port on loopback.
    Map<String, String> addresses = new HashMap<>();
    int[] free = Nginx.freePorts(4);
    Pattern hostPort = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+");
    Path scenario = scenario(dir);
    List<List<String>> local = new ArrayList<>();
    for (List<String> c : commands) {
      List<String> args = new ArrayList<>();
      for (int i = 0; i < c.size(); i++) {
        String w = c.get(i);
        if (hostPort.matcher(w).matches()) {
          w = addresses.computeIfAbsent(w, k -> "127.0.0.1:" + free[addresses.size()]);
        } else if (i > 0 && c.get(i - 1).equals("--workers")) {
          w = "1";
        } else if (w.equals("scenario.yaml")) {
          w = scenario.toString();
        }
        args.add(w);
      }
      local.add(args);
    }
    assertThat(addresses).hasSize(4);
    List<String> run = local.stream().filter(c -> c.get(0).equals("run")).findFirst().orElseThrow();
    List<String> worker = local.stream().filter(c -> c.get(0).equals("worker")).findFirst().orElseThrow();
    List<String> runArgs = new ArrayList<>(run);
    runArgs.set(runArgs.indexOf("tls"), dir.resolve("tls").toString());
    runArgs.addAll(List.of("--out", dir.resolve("results").toString()));
    runAndCheck(runArgs, dir, worker, dir.resolve("results"));
  }

  /** Starts the worker (a process of its own, in {@code workerDir}), runs the coordinator here, checks both. */
  private static void runAndCheck(List<String> runArgs, Path workerDir, List<String> workerArgs, Path results)
      throws Exception {
    try (CliProcess worker = CliProcess.startIn(workerDir, workerDir.resolve("worker.log"), workerArgs.toArray(String[]::new))) {
      CliRunner.Outcome o = CliRunner.run(runArgs.toArray(String[]::new));
      assertThat(o.code()).as(o.out() + o.err() + "\nworker: " + worker.output()).isZero();
      RunResult result = ResultFiles.read(results.resolve("result.json"));
      // 20/s for 2 s: every arrival started or, on a starved machine, counted as dropped.
      assertThat(result.total().started() + result.total().dropped()).isEqualTo(40);
      assertThat(result.total().started()).isGreaterThan(30);
      // The coordinator has gone: the worker ends by itself, as systemd expects before starting it again.
      assertThat(worker.waitFor(30)).as(worker.output()).isTrue();
      assertThat(worker.exitValue()).as(worker.output()).isZero();
      assertThat(worker.output()).doesNotContain(Files.readString(certsDirOf(runArgs).resolve("password")).strip());
    }
  }

  private static Path certsDirOf(List<String> runArgs) {
    return Path.of(runArgs.get(runArgs.indexOf("--tls-dir") + 1));
  }

  /** The README's `plimsoll certs` commands, run in {@code dir}. */
  private static void makeCertificates(Path dir) {
    List<List<String>> certs;
    try {
      certs = DeployFiles.readmeCommands().stream().filter(c -> c.get(0).equals("certs")).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(certs).extracting(c -> c.get(1)).containsExactly("init", "issue", "init", "issue");
    for (List<String> c : certs.subList(0, 2)) {
      String[] args = c.stream().map(w -> w.equals("tls") ? dir.resolve("tls").toString() : w).toArray(String[]::new);
      CliRunner.Outcome o = CliRunner.run(args);
      assertThat(o.code()).as(o.out() + o.err()).isZero();
    }
  }

  private static Path scenario(Path dir) throws Exception {
    Path file = dir.resolve("scenario.yaml");
    Files.writeString(file, """
        name: recipe
        target: %s
        duration: 2s
        workloads:
          - name: shop
            open: { rate: 20/s }
            mix:
              - name: home
                request: { url: / }
        """.formatted(nginx.url(0, "")));
    return file;
  }

  private static Map<String, String> envFile(Path file) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        env.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
      }
    }
    return env;
  }

  private static Map<String, String> unitSettings(Path file) throws Exception {
    Map<String, String> settings = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#") && !s.startsWith("[") && s.contains("=")) {
        settings.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
      }
    }
    return settings;
  }

  /** ${VAR} as systemd expands it in ExecStart (one word per variable). */
  private static String expand(String word, Map<String, String> env) {
    Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(word);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      assertThat(env).as("the unit's ${" + m.group(1) + "}").containsKey(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(env.get(m.group(1))));
    }
    return m.appendTail(out).toString();
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
