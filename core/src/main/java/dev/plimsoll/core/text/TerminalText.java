package dev.plimsoll.core.text;

/**
 * Text from outside (a server's reason phrase, a JSON value, a scenario's name) made safe to
 * print: every renderer of a run (console, progress, Markdown, dry run, error messages) passes
 * such text through {@link #escape} so that no byte from the target reaches a terminal or a
 * report as a control character. An {@code ESC[2J} in a response would otherwise clear the
 * user's screen, and a carriage return could overwrite what was printed before it.
 */
public final class TerminalText {

  private TerminalText() {}

  /**
   * {@code text} with every control character written visibly: {@code \n}, {@code \r} and
   * {@code \t} as those two-character escapes, any other C0 or C1 control, DEL, line and
   * paragraph separators and the bidirectional overrides (which reorder what a reader sees) as
   * {@code \x1B} or {@code \u202E}. Printable text, non-ASCII letters included, is unchanged, and
   * is returned as the same string. Null is null.
   */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    int n = text.length();
    while (i < n && !isUnsafe(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!isUnsafe(c)) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c <= 0xff) {
            out.append("\\x").append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
          } else {
            out.append(String.format("\\u%04X", (int) c));
          }
        }
      }
    }
    return out.toString();
  }

  /** Whether {@link #escape} would change the character. */
  public static boolean isUnsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x2028 || c == 0x2029
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e || c == 0x200f || c == 0x061c;
  }
}
