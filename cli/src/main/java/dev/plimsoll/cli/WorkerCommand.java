package dev.plimsoll.cli;

import dev.plimsoll.cluster.ClusterAddress;
import dev.plimsoll.cluster.ClusterException;
import dev.plimsoll.cluster.Worker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    header = "Runs load for a coordinator (plimsoll run --workers N).",
    description = {
        "Joins the coordinator at HOST:PORT (or finds it with --bootstrap) and runs the part of each run it is sent,",
        "reporting every interval.",
        "It stops its load and ends by itself when the coordinator ends or is lost."
    })
final class WorkerCommand implements Callable<Integer> {

  @Option(names = "--join", paramLabel = "HOST:PORT", description = "The coordinator's address (or --bootstrap).")
  String join;

  @Mixin BootstrapOptions bootstrap;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Where this worker listens, reachable from the coordinator (default 127.0.0.1 on any free port).")
  String listen;

  @Option(names = "--allow-target", paramLabel = "PATTERN",
      description = "Send load only to these hosts (repeatable): host or host:port, * for any characters.")
  List<String> allowTargets;

  @Option(names = "--tls-dir", paramLabel = "DIR",
      description = "Mutual TLS with the CA and certificates in DIR (plimsoll certs).")
  Path tlsDir;

  @Option(names = "--tls-name", paramLabel = "NAME", description = "This worker's certificate in --tls-dir (default worker).")
  String tlsName = "worker";

  @Option(names = "--peer-names", paramLabel = "PATTERN[,PATTERN...]", split = ",",
      description = "With --tls-dir: the names a peer's certificate may have, * for any characters "
          + "(default: DIR/peer-names, else coordinator, worker, worker-*, worker.* and the like).")
  List<String> peerNames;

  @Override
  public Integer call() throws InterruptedException {
    Worker worker;
    try {
      worker = builder().notices(m -> System.err.println("plimsoll: " + m)).start();
    } catch (ClusterException e) {
      throw new UserException(e.getMessage());
    }
    AtomicBoolean stopped = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopped.set(true);
      worker.close();
    }, "plimsoll-worker-leave"));
    System.out.println("plimsoll: worker joining " + (join != null ? join
        : "the coordinator found by bootstrap (" + bootstrap.method + ")"));
    try {
      worker.terminated().get();
    } catch (ExecutionException e) {
      return ExitCodes.ABORTED;
    }
    if (!worker.joined() && !stopped.get()) {
      System.err.println("plimsoll: the worker ended without joining its coordinator's cluster"
          + (join != null ? "" : " (Cluster Bootstrap could not start: check the --bootstrap options and --management)"));
      return ExitCodes.ABORTED;
    }
    return ExitCodes.PASSED;
  }

  /** The worker these options describe, checked, not started. */
  Worker.Builder builder() {
    if ((join == null) == !bootstrap.enabled()) {
      throw new UserException("give either --join HOST:PORT or --bootstrap METHOD");
    }
    if (join != null && bootstrap.anySet()) {
      throw new UserException("--bootstrap-selector, --contact-point and --management go with --bootstrap, not --join");
    }
    ClusterAddress self = listen == null ? null : ClusterAddress.parse(listen);
    Worker.Builder b = join != null ? Worker.builder(ClusterAddress.parse(join))
        : Worker.builder(bootstrap.bootstrap(self == null ? new ClusterAddress("127.0.0.1", 0) : self, false));
    if (self != null) {
      b.listen(self);
    }
    if (allowTargets != null) {
      b.allowTargets(allowTargets);
    }
    if (peerNames != null && tlsDir == null) {
      throw new UserException("--peer-names goes with --tls-dir DIR");
    }
    if (tlsDir != null) {
      try {
        b.tls(tlsDir, tlsName);
        if (peerNames != null) {
          b.peerNames(peerNames);
        }
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }
    return b;
  }
}
