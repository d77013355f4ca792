package dev.plimsoll.report.html;

/**
 * Text taken from a run (operation names, URLs, error messages: any of them may come from the
 * system under test) made safe to show: control characters become visible, and markup is escaped.
 */
final class Text {

  private Text() {}

  /**
   * {@code text} with each control character (a terminal escape's ESC among them) replaced by its
   * Unicode control picture, so that it shows instead of acting; tab and line breaks stay. Null is
   * empty.
   */
  static String visible(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char shown = c;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        shown = (char) (0x2400 + c);
      } else if (c == 0x7f) {
        shown = '\u2421';
      } else if (c >= 0x80 && c < 0xa0) {
        // C1 controls (a single-byte CSI among them) have no pictures: the replacement character.
        shown = '\ufffd';
      }
      if (shown != c && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(shown);
      }
    }
    return out == null ? text : out.toString();
  }

  /** {@code text} made {@linkplain #visible visible}, then escaped for HTML text and attribute values. */
  static String html(String text) {
    String shown = visible(text);
    StringBuilder out = new StringBuilder(shown.length() + 16);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
