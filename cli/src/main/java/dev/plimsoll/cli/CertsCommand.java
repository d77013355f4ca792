package dev.plimsoll.cli;

import dev.plimsoll.cluster.Certificates;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    header = "Creates a private CA and node certificates for a cluster's mutual TLS.",
    description = {
        "plimsoll certs init --dir DIR            creates the CA in DIR",
        "plimsoll certs issue NAME... --dir DIR   a key and certificate for each node (coordinator, worker, ...)",
        "Each certificate carries its NAME; a node accepts peers whose certificate chains to the CA and whose name",
        "matches DIR/peer-names (patterns, * for any characters; default coordinator, worker, worker-*, ...).",
        "Give each node DIR/ca-trust.p12, DIR/password, DIR/peer-names and its own DIR/NAME.p12; keep DIR/ca.p12 where certificates are issued."
    })
final class CertsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ACTION", description = "init or issue")
  String action;

  @Parameters(index = "1..*", paramLabel = "NAME", description = "With issue: the nodes' names (default: coordinator worker).")
  List<String> names;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The TLS directory.")
  Path dir;

  @Override
  public Integer call() {
    switch (action) {
      case "init" -> {
        try {
          Certificates.init(dir);
        } catch (IllegalStateException e) {
          throw new UserException(e.getMessage());
        }
        System.out.println("plimsoll: a CA in " + dir + " (" + Certificates.CA_STORE + " stays here; give nodes ca-trust.p12 and password)");
      }
      case "issue" -> {
        for (String name : names == null ? List.of("coordinator", "worker") : names) {
          try {
            System.out.println("plimsoll: " + Certificates.issue(dir, name));
          } catch (IllegalStateException e) {
            throw new UserException(e.getMessage());
          }
        }
      }
      default -> throw new UserException("certs: unknown action '" + action + "' (init or issue)");
    }
    return ExitCodes.PASSED;
  }
}
