package dev.plimsoll.http.scenario;

/**
 * A value taken from a response into the user's state ({@link dev.plimsoll.core.OperationContext#state()}),
 * where later templates read it as {@code ${name}}. A value that is not found fails the flow.
 *
 * @param name the state key
 * @param from where the value is taken from
 * @param expression a JSON path ({@code $.token}), a regular expression whose first group is taken,
 *     or a header name
 */
record ExtractSpec(String name, From from, String expression) {

  /** The kinds of extraction. */
  public enum From {
    JSON_PATH("jsonPath"),
    REGEX("regex"),
    HEADER("header");

    private final String key;

    From(String key) {
      this.key = key;
    }

    /** The key used in scenario files. */
    public String key() {
      return key;
    }
  }
}
