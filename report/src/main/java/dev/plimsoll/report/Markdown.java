package dev.plimsoll.report;

import dev.plimsoll.core.text.TerminalText;
import java.util.List;

/** GitHub-flavoured Markdown building blocks: escaped text and pipe tables. */
final class Markdown {

  private Markdown() {}

  /**
   * {@code text} as literal inline Markdown, safe inside a table cell: characters Markdown would
   * read as markup (emphasis, code, links, HTML) are escaped, {@code |} cannot end the cell, and
   * line breaks become spaces because a table row must stay on one line, and other control
   * characters are escaped ({@link TerminalText}). Error messages reach reports verbatim, so they
   * must not be able to break the table, nor a terminal that shows the file.
   */
  static String escape(String text) {
    String line = TerminalText.escape(Formats.oneLine(text));
    StringBuilder out = new StringBuilder(line.length() + 8);
    for (char c : line.toCharArray()) {
      switch (c) {
        case '\\', '|', '*', '_', '`', '[', ']', '#', '~' -> out.append('\\').append(c);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A pipe table. Cells are escaped here, so callers pass plain text; {@code rightAligned} marks
   * the numeric columns.
   */
  static String table(List<String> headers, List<Boolean> rightAligned, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    appendRow(out, headers);
    out.append('|');
    for (boolean right : rightAligned) {
      out.append(right ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " cells, table has " + headers.size() + " columns");
      }
      appendRow(out, row);
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(escape(cell)).append(" |");
    }
    out.append('\n');
  }
}
