package dev.plimsoll.runner;

import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.results.RunJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps a run's {@link RunJournal} in its results directory: the header when the run starts, a
 * line per interval, forced to disk before the next one. A journal that cannot be written is
 * given up with a warning: losing the safety net must not cost the run.
 */
final class JournalListener implements RunListener {
  private final RunJournal journal;
  private final List<Criterion> criteria;
  private final Consumer<String> notices;
  private boolean broken;

  private JournalListener(RunJournal journal, List<Criterion> criteria, Consumer<String> notices) {
    this.journal = journal;
    this.criteria = List.copyOf(criteria);
    this.notices = notices;
  }

  /**
   * Creates the journal in {@code directory} before the run starts, so that a directory that
   * cannot be written to is reported before any load is sent.
   *
   * @throws ResultsFolderException if the journal cannot be created there
   */
  static JournalListener createIn(Path directory, List<Criterion> criteria, Consumer<String> notices) {
    Path file = directory.resolve(RunJournal.FILE_NAME);
    try {
      return new JournalListener(RunJournal.create(file), criteria, notices);
    } catch (IOException | UncheckedIOException e) {
      throw new ResultsFolderException(directory, "cannot hold the run's journal: " + describe(e));
    }
  }

  Path file() {
    return journal.file();
  }

  @Override
  public void runStarted(ScenarioDescription scenario, Instant startTime) {
    write(() -> journal.begin(scenario, Plimsoll.environment(), criteria, startTime));
  }

  @Override
  public void phasesPlanned(List<Phase> phases) {
    write(() -> journal.phases(phases));
  }

  @Override
  public void profileChanged(ProfileChange change) {
    write(() -> journal.profileChange(change));
  }

  @Override
  public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
    write(() -> journal.append(interval));
  }

  @Override
  public void runCompleted(RunResult result) {
    close();
  }

  void close() {
    try {
      journal.close();
    } catch (IOException e) {
      notices.accept("closing the journal " + journal.file() + " failed: " + describe(e));
    }
  }

  /** Once the result and reports are written, the journal has nothing they lack. */
  void delete() {
    close();
    try {
      Files.deleteIfExists(journal.file());
    } catch (IOException e) {
      notices.accept("could not delete the journal " + journal.file() + ": " + describe(e));
    }
  }

  private interface Write {
    void run() throws IOException;
  }

  private void write(Write write) {
    if (broken) {
      return;
    }
    try {
      write.run();
    } catch (IOException | RuntimeException e) {
      broken = true;
      notices.accept("the journal " + journal.file() + " could not be written (" + describe(e)
          + "); the run goes on, but a crash now would lose it");
      close();
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
