package dev.plimsoll.cli;

import dev.plimsoll.cluster.ClusterAddress;
import dev.plimsoll.cluster.Worker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    header = "Runs load for a coordinator (plimsoll run --workers N).",
    description = {
        "Joins the coordinator at HOST:PORT and runs the part of each run it is sent, reporting every interval.",
        "It stops its load and ends by itself when the coordinator ends or is lost."
    })
final class WorkerCommand implements Callable<Integer> {

  @Option(names = "--join", required = true, paramLabel = "HOST:PORT", description = "The coordinator's address.")
  String join;

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

  @Override
  public Integer call() throws InterruptedException {
    Worker.Builder b = Worker.builder(ClusterAddress.parse(join))
        .notices(m -> System.err.println("plimsoll: " + m));
    if (listen != null) {
      b.listen(ClusterAddress.parse(listen));
    }
    if (allowTargets != null) {
      b.allowTargets(allowTargets);
    }
    if (tlsDir != null) {
      b.tls(tlsDir, tlsName);
    }
    Worker worker = b.start();
    Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "plimsoll-worker-leave"));
    System.out.println("plimsoll: worker joining " + join);
    try {
      worker.terminated().get();
    } catch (ExecutionException e) {
      return ExitCodes.ABORTED;
    }
    return ExitCodes.PASSED;
  }
}
