package dev.plimsoll.report;

import dev.plimsoll.core.text.TerminalText;

/**
 * Text made safe inside an XML 1.0 document. Control characters are not merely escaped there: most
 * of them may not appear at all, even as character references, and a CI server rejects the whole
 * file for one. So every control character is first written visibly ({@link TerminalText#escape}),
 * characters XML forbids (an unpaired surrogate, U+FFFE, U+FFFF) become U+FFFD, and then the
 * markup characters are escaped.
 */
final class Xml {
  private Xml() {}

  /** {@code text} as the value of an attribute in double quotes; null is written as empty. */
  static String attribute(String text) {
    return escapeMarkup(safe(text), true);
  }

  /** {@code text} as character data; null is written as empty. Line ends are kept. */
  static String text(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(escapeMarkup(safe(lines[i]), false));
    }
    return out.toString();
  }

  private static String safe(String text) {
    if (text == null) {
      return "";
    }
    String visible = TerminalText.escape(text);
    StringBuilder out = null;
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      boolean allowed;
      if (Character.isHighSurrogate(c)) {
        allowed = i + 1 < visible.length() && Character.isLowSurrogate(visible.charAt(i + 1));
        if (allowed) {
          if (out != null) {
            out.append(c).append(visible.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        allowed = !Character.isLowSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
      }
      if (!allowed && out == null) {
        out = new StringBuilder(visible.length()).append(visible, 0, i);
      }
      if (out != null) {
        out.append(allowed ? c : '\uFFFD');
      }
    }
    return out == null ? visible : out.toString();
  }

  private static String escapeMarkup(String text, boolean attribute) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        // "]]>" must not appear in character data; escaping every '>' is the simple way.
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\'' -> out.append(attribute ? "&apos;" : "'");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
