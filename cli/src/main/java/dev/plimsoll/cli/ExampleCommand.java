package dev.plimsoll.cli;

import dev.plimsoll.examples.agent.AgentPlatformExample;
import dev.plimsoll.examples.marketdata.MarketDataExample;
import dev.plimsoll.examples.vectors.VectorStoreExample;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plimsoll example NAME [options]}: the worked examples, each a picocli command of the
 * examples module (which its own {@code main} runs too), so the options are declared once.
 */
@Command(
    name = "example",
    mixinStandardHelpOptions = true,
    header = "Runs a worked example: a load test of an in-process system written for it.",
    description = "Lists them with --list; each takes --help.",
    subcommands = {AgentPlatformExample.class, VectorStoreExample.class, MarketDataExample.class})
final class ExampleCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--list", description = "Lists the examples and what each one tests.")
  boolean list;

  @Override
  public Integer call() {
    if (!list) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing example name (try: plimsoll example --list)");
    }
    PrintWriter out = spec.commandLine().getOut();
    spec.subcommands().forEach((name, sub) -> {
      String[] header = sub.getCommandSpec().usageMessage().header();
      out.printf("%-16s %s%n", name, header.length == 0 ? "" : header[0]);
    });
    out.flush();
    return ExitCodes.PASSED;
  }
}
