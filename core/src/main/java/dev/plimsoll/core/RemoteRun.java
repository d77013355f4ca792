package dev.plimsoll.core;

import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run whose load is generated elsewhere (by cluster workers) and whose intervals arrive here
 * already measured, merged across the machines. It does for them exactly what a local run does for
 * its own: hands each to the scenario's listeners with the run's progress, judges the abort-on-fail
 * criteria on the merged measurements so far, and at the end judges every criterion and assembles
 * the result, which the listeners then receive. Start one with {@link Plimsoll#follow}.
 *
 * <p>One thread at a time calls {@link #interval} and {@link #end}, in that order; the listeners
 * are called on it.
 */
public interface RemoteRun extends RunHandle {

  /**
   * Hands on the next interval, merged from every machine; intervals come in index order. An
   * abort-on-fail criterion that fails on the measurements so far asks the machines to stop, as
   * {@link #stop} does, through the run's stop requests.
   */
  void interval(IntervalSnapshot merged);

  /**
   * Ends the run: judges the criteria on the merged measurements, adds {@code extraVerdicts} (a
   * cluster's own, such as a machine lost during the run), and completes {@link #result()}.
   *
   * @param errors the run's error classes merged from every machine (they keep more samples than
   *     the intervals do)
   * @param extraVerdicts verdicts beside the criteria's; a failed one fails the run
   */
  void end(List<ErrorClass> errors, List<Verdict> extraVerdicts);

  /** The run cannot go on (no machine left): ends it as aborted, with {@code reason}. */
  void fail(String reason, List<ErrorClass> errors, List<Verdict> extraVerdicts);

  /**
   * Whether the run has been asked to stop ({@link #stop}, or an abort-on-fail criterion): the
   * machines were told through the stop requests, and their last intervals are still to come.
   */
  boolean stopping();

  /** Where a remote run's stop requests go: the coordinator tells every machine to stop. */
  @FunctionalInterface
  interface StopRequests extends Consumer<String> {}

  /**
   * Where a remote run's changes of load go ({@link #steering()}): each, checked and recorded, is
   * sent to every machine, which applies it at its moment ({@link Steering#apply}).
   */
  @FunctionalInterface
  interface ProfileChanges extends Consumer<dev.plimsoll.core.result.ProfileChange> {}

  /** The time the run's clock started on the machines, as the listeners were told. */
  Instant startTime();
}
