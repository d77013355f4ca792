package dev.plimsoll.scenario;

import java.util.regex.Pattern;

/**
 * The messages of the YAML and JSON parsers in the user's words: without the names of the parser's
 * settings ({@code StreamReadConstraints.getMaxNestingDepth()}) and without its placeholder for the
 * source text ({@code [Source: REDACTED ...]}), which say nothing to someone fixing a file.
 */
final class ParserMessages {
  private static final Pattern SETTING_NAME = Pattern.compile(", from `[^`]*`");
  private static final Pattern START_MARKER =
      Pattern.compile("\\s*\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");
  private static final Pattern SOURCE = Pattern.compile("\\s*(?:at )?\\[Source: [^\\]]*\\]");
  private static final Pattern CODE_POINT_LIMIT =
      Pattern.compile("The incoming YAML document exceeds the limit: (\\d+) code points\\.?");

  private ParserMessages() {}

  /** The first line of a parser's message, cleaned. */
  static String clean(String message) {
    String m = message.lines().findFirst().orElse(message);
    m = START_MARKER.matcher(m).replaceAll(" (opened at line $1, column $2)");
    m = SOURCE.matcher(m).replaceAll("");
    m = SETTING_NAME.matcher(m).replaceAll("");
    m = CODE_POINT_LIMIT.matcher(m).replaceAll("the file is longer than the $1 characters a scenario may have");
    return m.strip();
  }
}
