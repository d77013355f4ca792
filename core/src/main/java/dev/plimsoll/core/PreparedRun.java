package dev.plimsoll.core;

import java.time.Instant;

/**
 * A run built and ready, its clock not yet started: the engine, its recorders and the run's
 * description are set up, so that starting it costs next to nothing. Machines sharing a run (each
 * with its {@link LoadSegment}) prepare theirs, then all start at one agreed instant:
 *
 * <pre>{@code
 * PreparedRun prepared = Plimsoll.prepare(scenario); // the slow part, before the agreed instant
 * RunHandle run = prepared.startAt(agreed);          // returns at once; the run's clock starts at `agreed`
 * }</pre>
 *
 * <p>A prepared run starts once. Any thread may start or cancel it.
 */
public interface PreparedRun {

  /** Starts the run now, exactly as {@link Plimsoll#start} would have; returns at once. */
  RunHandle start();

  /**
   * Starts the run's clock at {@code startAt} on the scenario's {@linkplain Scenario#clock clock}
   * and returns at once. If the run is waiting for {@code startAt} when it comes, its clock starts at
   * exactly that instant: the run's start time is {@code startAt}, its arrivals are intended from
   * it, and the moment the engine wakes for it is the first arrivals' scheduling lag. If the run can
   * only be ready after {@code startAt} (this call came late, or the machine was too busy), its clock
   * starts as soon as it can, never with a burst of arrivals to catch up, and its start time says
   * how late it was. {@link RunListener#runStarted} hears {@code startAt} when this is called;
   * {@link RunClockListener#runClockStarted} the moment the clock starts. A run stopped before
   * {@code startAt} ends at once, having started nothing.
   *
   * @throws IllegalStateException if the run was started or cancelled already
   */
  RunHandle startAt(Instant startAt);

  /**
   * Gives up a run that was never started, releasing what preparing it held (the engine's
   * listener of the JVM's collections). Does nothing once the run has started.
   */
  void cancel();
}
