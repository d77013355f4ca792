package dev.plimsoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** The files under deploy/, read as the deployment tests need them, and commands parsed by the real command line. */
final class DeployFiles {
  private DeployFiles() {}

  /** The repository's root: the first directory up from here with deploy/ and a pom.xml. */
  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("deploy")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no deploy/ above " + Path.of("").toAbsolutePath());
  }

  static Path deploy(String relative) {
    return root().resolve("deploy").resolve(relative);
  }

  /** Every document of every YAML file under deploy/kubernetes, in file order. */
  static List<JsonNode> manifests() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(deploy("kubernetes"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
        try (var it = yaml.readerFor(JsonNode.class).<JsonNode>readValues(f.toFile())) {
          while (it.hasNext()) {
            JsonNode doc = it.next();
            if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
              docs.add(doc);
            }
          }
        }
      }
    }
    return docs;
  }

  /** The lines of deploy/README.md inside ``` blocks, continuation lines (ending in \) joined. */
  static List<String> readmeCodeLines() throws IOException {
    List<String> out = new ArrayList<>();
    boolean in = false;
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(deploy("README.md"))) {
      if (line.strip().startsWith("```")) {
        in = !in;
        continue;
      }
      if (!in) {
        continue;
      }
      String s = line.strip();
      if (s.endsWith("\\")) {
        pending.append(s, 0, s.length() - 1).append(' ');
        continue;
      }
      out.add(pending.append(s).toString());
      pending.setLength(0);
    }
    return out;
  }

  /**
   * The plimsoll commands in deploy/README.md's code: each {@code ./plimsoll ARGS} or
   * {@code java -jar /opt/plimsoll/plimsoll-cli.jar ARGS}, as its argument words.
   */
  static List<List<String>> readmeCommands() throws IOException {
    List<List<String>> commands = new ArrayList<>();
    for (String line : readmeCodeLines()) {
      for (String part : line.split("&&|;|\\|")) {
        List<String> words = words(part.strip());
        int at = -1;
        for (int i = 0; i < words.size(); i++) {
          if (words.get(i).equals("./plimsoll")) {
            at = i + 1;
            break;
          }
          if (words.get(i).equals("-jar") && i + 1 < words.size() && words.get(i + 1).endsWith("/plimsoll-cli.jar")
              && words.get(0).endsWith("java")) {
            at = i + 2;
            break;
          }
        }
        if (at >= 0) {
          commands.add(List.copyOf(words.subList(at, words.size())));
        }
      }
    }
    return commands;
  }

  /** Shell words: split at blanks, double and single quotes grouping (no escapes or expansions). */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any || w.length() > 0) {
          out.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
      }
    }
    if (any || w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  /** {@code args} parsed by the real command line: the subcommand's object (RunCommand, WorkerCommand, ...). */
  static Object parse(List<String> args) {
    CommandLine.ParseResult result = PlimsollCommand.commandLine().parseArgs(args.toArray(String[]::new));
    CommandLine.ParseResult sub = result.subcommand();
    if (sub == null) {
      throw new AssertionError("no subcommand in " + args);
    }
    return sub.commandSpec().userObject();
  }
}
