package dev.plimsoll.core;

import java.util.regex.Pattern;

/** Operation names are used as criterion scopes (search.p99), so they follow one rule. */
final class OperationNames {
  static final String RULE = "a letter or '_', then letters, digits, '_' or '-'";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private OperationNames() {}

  static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
