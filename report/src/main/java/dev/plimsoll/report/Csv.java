package dev.plimsoll.report;

import dev.plimsoll.core.text.TerminalText;

/**
 * One field of a CSV file (RFC 4180), safe to open in a spreadsheet. A field starting with
 * {@code = + - @} (or a tab or carriage return, which some spreadsheets skip before them) is read
 * as a formula by Excel, LibreOffice and Google Sheets, so a value from a run that starts with one
 * gets a leading {@code '} (OWASP's advice against CSV injection). Control characters are written
 * visibly ({@link TerminalText#escape}), so a row is always one line; a field holding a comma, a
 * quote or a space at either end is quoted, quotes doubled.
 */
final class Csv {
  private Csv() {}

  /** Text from a run (a name, a message) as a field; null is an empty field. */
  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String field = value;
    char first = field.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
      field = "'" + field;
    }
    field = TerminalText.escape(field);
    boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf(';') >= 0
        || Character.isWhitespace(field.charAt(0)) || Character.isWhitespace(field.charAt(field.length() - 1));
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
