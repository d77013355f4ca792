package dev.plimsoll.scenario.driver;

import dev.plimsoll.core.OperationContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Text with {@code ${...}} expressions, compiled once and rendered per call.
 *
 * <table>
 *   <caption>Expressions</caption>
 *   <tr><td>{@code ${seq}}</td><td>a sequence shared by the whole run, from 1</td></tr>
 *   <tr><td>{@code ${uuid}}</td><td>a random (version 4) UUID from the user's seeded random source</td></tr>
 *   <tr><td>{@code ${randomInt(1,100)}}</td><td>a whole number from 1 to 100 inclusive, from the user's seeded random source</td></tr>
 *   <tr><td>{@code ${userId}}, {@code ${iteration}}</td><td>the {@link OperationContext}'s user id and iteration</td></tr>
 *   <tr><td>{@code ${env.NAME}}</td><td>an environment variable, read once when the scenario loads</td></tr>
 *   <tr><td>{@code ${name}}</td><td>a value extracted earlier by this user, else the scenario variable</td></tr>
 *   <tr><td>{@code ${feeder.column}}</td><td>a column of the record the user drew from a feeder for this iteration</td></tr>
 * </table>
 *
 * <p>{@code $${} writes a literal {@code ${}. Every name is checked when the template is compiled
 * against a {@link Scope}, so a typo is a load-time error, not a failure at the first request.
 * Rendering walks precompiled parts into one {@link StringBuilder}; a template without
 * expressions renders to its constant text without allocating.
 */
public final class Template {

  /** Functions and names that are not variables. */
  private static final Set<String> RESERVED = Set.of("seq", "uuid", "userId", "iteration", "randomInt", "env");

  private static final String FUNCTIONS = "randomInt(min,max), uuid(), seq()";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

  /**
   * What a template may refer to.
   *
   * @param variables scenario variables and their (constant) values
   * @param extracted names that requests store in the user's state with {@code extract}
   * @param feeders each feeder's name and columns
   * @param environment the environment {@code ${env.NAME}} reads
   * @param secretVariables the variables whose values came from the environment: never shown,
   *     like those whose names are secret ({@link Redaction#isSensitive})
   */
  public record Scope(
      Map<String, String> variables,
      Set<String> extracted,
      Map<String, List<String>> feeders,
      Map<String, String> environment,
      Set<String> secretVariables) {

    public Scope {
      variables = Map.copyOf(variables);
      extracted = Set.copyOf(extracted);
      feeders = Map.copyOf(feeders);
      environment = Map.copyOf(environment);
      secretVariables = Set.copyOf(secretVariables);
    }

    /** A scope none of whose variables is secret but by its name. */
    public Scope(Map<String, String> variables, Set<String> extracted, Map<String, List<String>> feeders,
        Map<String, String> environment) {
      this(variables, extracted, feeders, environment, Set.of());
    }

    /** Only {@code ${env.NAME}}, the built-ins and literal text. */
    public static Scope environmentOnly(Map<String, String> environment) {
      return new Scope(Map.of(), Set.of(), Map.of(), environment);
    }
  }

  private final String source;
  private final List<Part> parts;
  /** See {@link #hasSecrets()}. */
  private final boolean secret;
  /** The parts again, as an array: rendering walks it without an iterator. */
  private final Part[] partArray;
  /** The length of the literal parts, so that the builder rarely has to grow. */
  private final int literalLength;
  private final String constant;

  private Template(String source, List<Part> parts) {
    this(source, parts, false);
  }

  private Template(String source, List<Part> parts, boolean secret) {
    this.source = source;
    this.secret = secret;
    this.parts = List.copyOf(parts);
    this.partArray = parts.toArray(Part[]::new);
    this.literalLength = parts.stream().mapToInt(p -> p instanceof Literal l ? l.text().length() : 0).sum();
    this.constant = parts.isEmpty() ? "" : parts.size() == 1 && parts.get(0) instanceof Literal l ? l.text() : null;
  }

  /**
   * Compiles {@code text}.
   *
   * @throws IllegalArgumentException naming the expression at fault and what is known instead
   */
  public static Template compile(String text, Scope scope) {
    List<Part> parts = new ArrayList<>();
    boolean secret = false;
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          throw new IllegalArgumentException(
              "'${' at position " + (i + 1) + " is not closed with '}' in '" + text + "'");
        }
        Part part = expression(text.substring(i, end + 1), text.substring(i + 2, end).strip(), scope);
        secret |= isSecret(part, scope);
        if (part instanceof Literal l) {
          literal.append(l.text());
        } else {
          if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
          }
          parts.add(part);
        }
        i = end + 1;
      } else {
        literal.append(text.charAt(i++));
      }
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    return new Template(text, parts, secret);
  }

  /** Whether what the part renders must not be shown: see {@link #hasSecrets()}. */
  private static boolean isSecret(Part part, Scope scope) {
    return switch (part) {
      case Literal l -> l.secret();
      case StateValue v -> Redaction.isSensitive(v.name()) || scope.secretVariables().contains(v.name());
      case Column c -> Redaction.isSensitive(c.column()) || Redaction.isSensitive(c.feeder());
      default -> false;
    };
  }

  /**
   * The names built into templates ({@code seq}, {@code uuid}, {@code env}, ...), which variables,
   * feeders and stored values cannot take.
   */
  public static Set<String> reservedNames() {
    return RESERVED;
  }

  /** A template that is just this text, with no expressions. */
  public static Template literal(String text) {
    return new Template(text.replace("${", "$${"), text.isEmpty() ? List.of() : List.of(new Literal(text)));
  }

  /** The text as written. */
  public String source() {
    return source;
  }

  /** Whether the template renders the same text every time. */
  public boolean isConstant() {
    return constant != null;
  }

  /**
   * Whether what it renders holds a secret: a value from the environment ({@code ${env.NAME}}), or
   * of a variable, stored value or feeder column that came from the environment or has a secret
   * name ({@link Redaction#isSensitive}). A message about such a template shows its
   * {@link #source()}, never what it rendered.
   */
  public boolean hasSecrets() {
    return secret;
  }

  /**
   * Renders the template for one call.
   *
   * @param context the calling user's context: its state, random source, id and iteration
   * @param sequence the run's shared sequence, for {@code ${seq}}
   * @throws IllegalStateException when an extracted value is used before any request has set it
   */
  public String render(OperationContext context, LongSupplier sequence) {
    if (constant != null) {
      return constant;
    }
    return render(new StringBuilder(literalLength + 24 * (partArray.length - 1) + 24), context, sequence);
  }

  /**
   * Renders the template after {@code prefix}, into one string: a relative URL after its base, say,
   * without rendering it first and joining the two after.
   */
  public String render(String prefix, OperationContext context, LongSupplier sequence) {
    if (constant != null) {
      return prefix.concat(constant);
    }
    StringBuilder out = new StringBuilder(prefix.length() + literalLength + 24 * (partArray.length - 1) + 24);
    return render(out.append(prefix), context, sequence);
  }

  private String render(StringBuilder out, OperationContext context, LongSupplier sequence) {
    for (Part part : partArray) {
      part.append(out, context, sequence);
    }
    return out.toString();
  }

  /** The feeders whose records this template reads, so a flow draws a record from each when it starts. */
  public Set<String> feeders() {
    Set<String> names = new LinkedHashSet<>();
    for (Part p : parts) {
      if (p instanceof Column c) {
        names.add(c.feeder());
      }
    }
    return names;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Template t && t.source.equals(source) && t.parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }

  private static Part expression(String written, String expr, Scope scope) {
    if (expr.isEmpty()) {
      throw new IllegalArgumentException("empty expression " + written);
    }
    int paren = expr.indexOf('(');
    if (paren >= 0) {
      return function(written, expr, paren);
    }
    int dot = expr.indexOf('.');
    if (dot >= 0) {
      String head = expr.substring(0, dot).strip();
      String rest = expr.substring(dot + 1).strip();
      if (head.equals("env")) {
        String value = scope.environment().get(rest);
        if (value == null) {
          throw new IllegalArgumentException("environment variable '" + rest + "' is not set (used in " + written + ")");
        }
        return new Literal(value, true);
      }
      List<String> columns = scope.feeders().get(head);
      if (columns == null) {
        throw new IllegalArgumentException("unknown feeder '" + head + "' in " + written
            + Suggestions.hint(head, new TreeSet<>(scope.feeders().keySet()), "feeders"));
      }
      if (!columns.contains(rest)) {
        throw new IllegalArgumentException("feeder '" + head + "' has no column '" + rest + "' (used in " + written
            + ")" + Suggestions.hint(rest, columns, "columns"));
      }
      return new Column(head, rest);
    }
    switch (expr) {
      case "seq" -> {
        return Builtin.SEQ;
      }
      case "uuid" -> {
        return Builtin.UUID;
      }
      case "userId" -> {
        return Builtin.USER_ID;
      }
      case "iteration" -> {
        return Builtin.ITERATION;
      }
      default -> { }
    }
    if (!NAME.matcher(expr).matches()) {
      throw new IllegalArgumentException("'" + expr + "' is not a name, a feeder column or a function (in " + written + ")");
    }
    String value = scope.variables().get(expr);
    if (scope.extracted().contains(expr)) {
      return new StateValue(expr, value);
    }
    if (value != null) {
      return new Literal(value, Redaction.isSensitive(expr) || scope.secretVariables().contains(expr));
    }
    Set<String> known = new TreeSet<>(scope.variables().keySet());
    known.addAll(scope.extracted());
    String hint = Suggestions.closest(expr, known);
    throw new IllegalArgumentException("unknown variable '" + expr + "' in " + written
        + (hint != null ? " (did you mean '" + hint + "'?)"
            : known.isEmpty() ? " (no variables or extracted values are defined)"
                : " (variables and extracted values: " + String.join(", ", known) + ")"));
  }

  private static Part function(String written, String expr, int paren) {
    String name = expr.substring(0, paren).strip();
    if (!expr.endsWith(")")) {
      throw new IllegalArgumentException("'" + expr + "' has no closing ')' (in " + written + ")");
    }
    String inside = expr.substring(paren + 1, expr.length() - 1).strip();
    List<String> args = inside.isEmpty() ? List.of() : List.of(inside.split(",", -1));
    switch (name) {
      case "randomInt" -> {
        if (args.size() != 2 || !args.stream().allMatch(a -> INTEGER.matcher(a.strip()).matches())) {
          throw new IllegalArgumentException("randomInt takes two whole numbers, min and max (in " + written + ")");
        }
        long min = Long.parseLong(args.get(0).strip());
        long max = Long.parseLong(args.get(1).strip());
        if (min > max) {
          throw new IllegalArgumentException("randomInt(" + min + "," + max + "): min is greater than max (in " + written + ")");
        }
        return new RandomInt(min, max);
      }
      case "uuid", "seq" -> {
        if (!args.isEmpty()) {
          throw new IllegalArgumentException(name + "() takes no arguments (in " + written + ")");
        }
        return name.equals("uuid") ? Builtin.UUID : Builtin.SEQ;
      }
      default -> {
        String hint = Suggestions.closest(name, List.of("randomInt", "uuid", "seq"));
        throw new IllegalArgumentException("unknown function '" + name + "' in " + written
            + (hint != null ? " (did you mean '" + hint + "'?)" : " (functions: " + FUNCTIONS + ")"));
      }
    }
  }

  /** One precompiled piece of a template. */
  private sealed interface Part permits Literal, Builtin, RandomInt, StateValue, Column {
    void append(StringBuilder out, OperationContext context, LongSupplier sequence);
  }

  /** Constant text; {@code secret} when it is a value from the environment or of a secret variable. */
  private record Literal(String text, boolean secret) implements Part {
    Literal(String text) {
      this(text, false);
    }

    @Override
    public void append(StringBuilder out, OperationContext context, LongSupplier sequence) {
      out.append(text);
    }
  }

  private enum Builtin implements Part {
    SEQ {
      @Override
      public void append(StringBuilder out, OperationContext context, LongSupplier sequence) {
        out.append(sequence.getAsLong());
      }
    },
    UUID {
      @Override
      public void append(StringBuilder out, OperationContext context, LongSupplier sequence) {
        out.append(randomUuid(context.random()));
      }
    },
    USER_ID {
      @Override
      public void append(StringBuilder out, OperationContext context, LongSupplier sequence) {
        out.append(context.userId());
      }
    },
    ITERATION {
      @Override
      public void append(StringBuilder out, OperationContext context, LongSupplier sequence) {
        out.append(context.iteration());
      }
    }
  }

  private record RandomInt(long min, long max) implements Part {
    @Override
    public void append(StringBuilder out, OperationContext context, LongSupplier sequence) {
      out.append(max == Long.MAX_VALUE ? context.random().nextLong(min, max) : context.random().nextLong(min, max + 1));
    }
  }

  /** A value a request extracted into the user's state; the scenario variable of that name until then. */
  private record StateValue(String name, String fallback) implements Part {
    @Override
    public void append(StringBuilder out, OperationContext context, LongSupplier sequence) {
      Object value = context.state().get(name);
      if (value == null) {
        if (fallback == null) {
          throw new IllegalStateException("${" + name + "} has no value yet (no request of this user has extracted it)");
        }
        out.append(fallback);
      } else {
        out.append(value);
      }
    }
  }

  private record Column(String feeder, String column) implements Part {
    @Override
    public void append(StringBuilder out, OperationContext context, LongSupplier sequence) {
      if (!(context.state().get(feeder) instanceof Map<?, ?> record)) {
        throw new IllegalStateException("${" + feeder + "." + column + "}: no record drawn from feeder '" + feeder + "'");
      }
      Object value = record.get(column);
      out.append(value == null ? "" : value);
    }
  }

  private static UUID randomUuid(RandomGenerator random) {
    long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
