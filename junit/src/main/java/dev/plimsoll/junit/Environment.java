package dev.plimsoll.junit;

import dev.plimsoll.scenario.Overrides;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a load test reads the settings a build may change without touching the test: environment
 * variables and properties. Each setting has one name of each kind, the property's derived from the
 * variable's ({@code PLIMSOLL_BASELINE_UPDATE} and {@code plimsoll.baseline.update}), and a property
 * wins over the variable (see {@link LoadSettings} for how both layer over what the test declares).
 *
 * <p>Properties are the JVM's system properties for the fluent {@link Load}; for {@link LoadTest}
 * they are JUnit's configuration parameters, which are system properties too, and also
 * {@code junit-platform.properties} and a launcher's own parameters.
 *
 * @param variables the environment, {@code PLIMSOLL_*} read from it
 * @param properties looks a property up by name
 */
record Environment(Map<String, String> variables, Function<String, Optional<String>> properties) {

  static final String PROFILE = "PLIMSOLL_PROFILE";
  static final String BASELINE_UPDATE = "PLIMSOLL_BASELINE_UPDATE";
  static final String REPORTS = "PLIMSOLL_REPORTS";

  /** The variables a load test reads as load overrides; the others (a target, criteria) are scenario files' only. */
  private static final List<String> LOAD_VARIABLES =
      List.of(Overrides.USERS, Overrides.RATE, Overrides.DURATION, Overrides.WARMUP);

  /** Where reports go unless {@link #REPORTS} says otherwise, relative to the working directory. */
  static final Path DEFAULT_REPORTS = Path.of("target", "plimsoll");

  Environment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(properties, "properties");
  }

  /** This process's environment and system properties. */
  static Environment ofProcess() {
    return new Environment(System.getenv(), name -> Optional.ofNullable(System.getProperty(name)));
  }

  /** The property name of a {@code PLIMSOLL_*} variable: {@code PLIMSOLL_USERS} is {@code plimsoll.users}. */
  static String propertyName(String variable) {
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** A setting's text: the property's if set, else the variable's, else empty; blank counts as unset. */
  Optional<String> get(String variable) {
    return property(variable).or(() -> Optional.ofNullable(variables.get(variable)).filter(v -> !v.isBlank())
        .map(String::strip));
  }

  /** The property of a variable's name, stripped; blank counts as unset. */
  private Optional<String> property(String variable) {
    return properties.apply(propertyName(variable)).filter(v -> !v.isBlank()).map(String::strip);
  }

  /** Where a setting's value came from, for messages: {@code -Dplimsoll.users} or {@code PLIMSOLL_USERS}. */
  String origin(String variable) {
    return property(variable).isPresent() ? "-D" + propertyName(variable) : variable;
  }

  /** Which variants run: {@link Profile#QUICK} unless {@code PLIMSOLL_PROFILE=full}. */
  Profile profile() {
    return get(PROFILE).map(text -> Profile.named(text, origin(PROFILE))).orElse(Profile.QUICK);
  }

  /** Whether a test with a baseline writes a new one instead of gating against it. */
  boolean updateBaseline() {
    return get(BASELINE_UPDATE).map(text -> flag(text, origin(BASELINE_UPDATE))).orElse(false);
  }

  /** The folder under which each test's reports go. */
  Path reportsRoot() {
    return get(REPORTS).map(Path::of).orElse(DEFAULT_REPORTS);
  }

  /** The load overrides: properties over variables, each parsed as a scenario file's overrides are. */
  Overrides overrides() {
    Overrides fromProperties = Overrides.none();
    Map<String, String> fromVariables = new HashMap<>();
    for (String variable : LOAD_VARIABLES) {
      String origin = "-D" + propertyName(variable);
      Optional<String> value = property(variable);
      if (value.isPresent()) {
        Overrides.Builder one = Overrides.builder(origin);
        Overrides parsed = switch (variable) {
          case Overrides.USERS -> one.users(whole(value.get(), origin)).build();
          case Overrides.RATE -> one.rate(value.get()).build();
          case Overrides.DURATION -> one.duration(value.get()).build();
          default -> one.warmUp(value.get()).build();
        };
        fromProperties = parsed.orElse(fromProperties);
      }
      if (variables.containsKey(variable)) {
        fromVariables.put(variable, variables.get(variable));
      }
    }
    return fromProperties.orElse(Overrides.fromEnvironment(fromVariables));
  }

  private static int whole(String text, String origin) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(origin + ": '" + text + "' is not a whole number > 0");
    }
  }

  private static boolean flag(String text, String origin) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(origin + ": '" + text + "' is not true or false");
    };
  }
}
