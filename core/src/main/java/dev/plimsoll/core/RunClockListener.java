package dev.plimsoll.core;

/**
 * A {@link RunListener} that also needs the exact moment the run's clock starts: the instant from
 * which arrivals are scheduled, the warm-up and the duration count, and intervals are cut. A
 * listener that sets up timed work of its own (a simulation's network, a fault schedule) starts it
 * here rather than in {@link RunListener#runStarted}, which comes earlier, before the engine has
 * got its threads ready: on the machine's clock the time spent meanwhile would shift everything
 * it schedules, and on a {@link VirtualClock} a thread of its own that waited for a deadline from
 * then on could let virtual time run ahead of the run's start.
 *
 * <p>The engine calls it once per run, after {@link RunListener#runStarted} and
 * {@link RunListener#phasesPlanned}, on its collector thread (a thread of the run's clock) just
 * before the load starts: nothing of the load has happened yet, and on a virtual clock time cannot
 * move on before the call returns. Like the other calls, it must return quickly; an exception is
 * logged and does not stop the run. A run followed from another process (a remote segment) does
 * not call it.
 */
public interface RunClockListener extends RunListener {

  /**
   * The run's clock starts now.
   *
   * @param startNanos the run's start on its clock's {@link Clock#nanoTime()}: an arrival meant
   *     for the very start is intended at exactly this time
   */
  void runClockStarted(long startNanos);
}
