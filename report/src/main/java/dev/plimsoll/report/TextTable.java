package dev.plimsoll.report;

import dev.plimsoll.core.text.TerminalText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns. Widths are measured on the visible text, and a cell's
 * style is applied after padding, so colour never disturbs the alignment. Control characters in
 * cells are escaped ({@link TerminalText}).
 */
final class TextTable {

  enum Align { LEFT, RIGHT }

  /** One cell: its visible text and an optional style (null for none). */
  record Cell(String text, Ansi style) {
    static Cell of(String text) {
      return new Cell(text, null);
    }
  }

  private static final String GAP = "  ";

  private final List<String> headers;
  private final List<Align> aligns;
  private final List<List<Cell>> rows = new ArrayList<>();

  /** A table with these column headers and alignments (numbers read best right-aligned). */
  TextTable(List<String> headers, List<Align> aligns) {
    if (headers.size() != aligns.size()) {
      throw new IllegalArgumentException(
          "headers (" + headers.size() + ") and aligns (" + aligns.size() + ") differ in size");
    }
    this.headers = headers.stream().map(TerminalText::escape).toList();
    this.aligns = List.copyOf(aligns);
  }

  TextTable row(String... cells) {
    return row(Arrays.stream(cells).map(Cell::of).toList());
  }

  TextTable row(List<Cell> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.size() + " cells, table has " + headers.size() + " columns");
    }
    // Cells hold text from the run (error messages, names): never a control character on a terminal.
    rows.add(cells.stream().map(c -> new Cell(TerminalText.escape(c.text()), c.style())).toList());
    return this;
  }

  /** The rendered table, each line prefixed by {@code indent} and ended by a newline. */
  String render(String indent, boolean colour) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<Cell> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).text().length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, indent, headers.stream().map(h -> new Cell(h, Ansi.BOLD)).toList(), widths,
        colour);
    for (List<Cell> row : rows) {
      appendLine(out, indent, row, widths, colour);
    }
    return out.toString();
  }

  private void appendLine(
      StringBuilder out, String indent, List<Cell> cells, int[] widths, boolean colour) {
    StringBuilder line = new StringBuilder(indent);
    for (int c = 0; c < cells.size(); c++) {
      Cell cell = cells.get(c);
      String text = cell.style() == null ? cell.text() : cell.style().apply(cell.text(), colour);
      // Padding goes outside the style, so trailing spaces are plain and can be stripped.
      String spaces = " ".repeat(widths[c] - cell.text().length());
      line.append(aligns.get(c) == Align.RIGHT ? spaces + text : text + spaces);
      if (c < cells.size() - 1) {
        line.append(GAP);
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
