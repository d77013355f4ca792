package dev.plimsoll.scenario.driver;

import java.net.URI;
import java.util.List;

/**
 * A protocol for scenario files. The scenario module knows no protocol: it reads the structure
 * (workloads, load models, flows, think steps, feeders, templates, criteria) and hands the rest of
 * a file to drivers. A driver contributes
 * <ul>
 *   <li>its {@linkplain DriverSyntax syntax}: its settings section ({@code http:}), its keys in
 *       {@code defaults:}, and its step kinds ({@code request}, with {@code checks} and
 *       {@code extract});
 *   <li>its {@linkplain #schema() JSON Schema fragment}, assembled with the core's into the schema
 *       editors validate scenario files with;
 *   <li>a {@linkplain #reader reader} for those parts of each file, which checks every value where it
 *       was written and describes its settings and steps for the dry run;
 *   <li>a {@linkplain #open session} per run, which turns its steps into {@link Action}s and is
 *       closed when the run ends (for HTTP, the client and its connections).
 * </ul>
 *
 * <p>Drivers are found with {@link java.util.ServiceLoader}: a jar names its drivers in
 * {@code META-INF/services/dev.plimsoll.scenario.driver.Driver}. They can also be passed
 * explicitly to {@code ScenarioLoader.drivers(...)} and {@code ScenarioBuilder.open(spec, drivers)}.
 * An implementation must have a public no-argument constructor to be found, and be stateless:
 * per-file state lives in its reader, per-run state in its session.
 */
public interface Driver {

  /** Names the driver in messages and keys its settings in a spec: {@code http}. */
  String name();

  /** The keys the driver adds to scenario files. */
  DriverSyntax syntax();

  /**
   * The driver's part of the JSON Schema of scenario files, as JSON text: an object with up to four
   * members, each optional. {@code "scenario"}, {@code "defaults"} and {@code "step"} hold
   * properties added to those mappings ({@code "step"} also to flows, for a flow of one step);
   * {@code "$defs"} holds the definitions they refer to. Every key of {@link #syntax()} must be
   * there, and every mapping of {@link DriverSyntax#mappings()} must list exactly its keys.
   */
  String schema();

  /** A reader for the driver's parts of one file; called once per file read. */
  DriverReader reader(ReadContext context);

  /**
   * Checks, just before a run or a dry run and after the file was read, what only this machine can
   * tell, such as whether the host names the steps send to resolve. Sends nothing and opens nothing;
   * the default checks nothing.
   *
   * @param settings as for {@link #open}
   * @param steps every step of this driver in the scenario
   * @param target the scenario's target, or null
   * @throws IllegalArgumentException whose message says what is wrong, in the user's words
   */
  default void checkBeforeRun(DriverSettings settings, List<DriverStep> steps, URI target) {}

  /**
   * The most connections a run of these steps may hold open at once, each a file descriptor, so
   * the runner can check them against the process's limit before any load. By default the
   * settings' {@link DriverSettings#connectionsPerTarget()}, as for one target; a driver whose
   * steps name several servers counts each.
   *
   * @param settings as for {@link #open}
   * @param steps every step of this driver in the scenario
   * @param target the scenario's target, or null
   */
  default long connections(DriverSettings settings, List<DriverStep> steps, URI target) {
    return settings == null ? 0 : settings.connectionsPerTarget();
  }

  /**
   * Opens what a run needs (clients, connections), once per run that has steps of this driver.
   *
   * @param settings what the driver's reader read from the file (its {@link DriverReader#settings()}
   *     with overrides applied), or null for a spec built in code without settings of this driver
   */
  DriverSession open(DriverSettings settings);
}
