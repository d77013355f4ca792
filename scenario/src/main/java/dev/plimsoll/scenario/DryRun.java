package dev.plimsoll.scenario;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RatePlan;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Preset;
import dev.plimsoll.core.text.TerminalText;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.DriverStep;
import dev.plimsoll.scenario.driver.Redaction;
import dev.plimsoll.scenario.driver.StepSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The effective plan of a scenario in words, without sending anything: settings, each workload's
 * load model and flows, a table of the load over time, and the criteria. Each driver describes its
 * own settings and steps. Secrets are masked with {@link Redaction}: values of secret headers and
 * query parameters, URL user information, variables from the environment; request bodies are shown
 * by size and shape unless asked for. Template expressions are shown as written, never with the
 * values of environment variables. Control characters are escapes ({@link TerminalText}).
 */
public final class DryRun {

  private DryRun() {}

  /** The plan as text, lines ending in {@code \n}; request bodies shown by their size and shape only. */
  public static String describe(ScenarioSpec spec) {
    return describe(spec, false);
  }

  /**
   * The plan as text, lines ending in {@code \n}.
   *
   * @param showBodies whether request bodies are shown as written (they may hold credentials),
   *     rather than by their size and shape ({@code JSON object, 3 fields, 120 bytes})
   */
  public static String describe(ScenarioSpec spec, boolean showBodies) {
    StringBuilder out = new StringBuilder();
    out.append("Scenario ").append(spec.name());
    if (!spec.source().isEmpty()) {
      out.append(" (").append(spec.source()).append(')');
    }
    out.append(": dry run, nothing is sent\n");
    line(out, "target", spec.target() == null ? "none (every URL is absolute)" : Redaction.url(spec.target().toString()));
    line(out, "duration", Units.formatDuration(spec.duration()) + ", warm-up " + Units.formatDuration(spec.warmUp())
        + ", interval " + Units.formatDuration(spec.interval()) + ", graceful stop "
        + Units.formatDuration(spec.gracefulStop()) + ", seed " + spec.seed());
    for (DriverSettings settings : spec.settings().values()) {
      for (DriverSettings.Line l : settings.describe()) {
        line(out, l.label(), l.text());
      }
    }
    if (!spec.variables().isEmpty()) {
      line(out, "variables", new java.util.TreeMap<>(spec.variables()).entrySet().stream()
          .map(e -> e.getKey() + " = " + (spec.isSecretVariable(e.getKey()) ? Redaction.MASK : e.getValue()))
          .collect(Collectors.joining(", ")));
    }
    for (FeederSpec f : spec.feeders().values()) {
      line(out, "feeder", feeder(spec, f));
    }

    for (WorkloadSpec w : spec.workloads()) {
      out.append('\n').append("Workload ").append(w.name()).append(": ").append(w.load().describe()).append('\n');
      if (w.load() instanceof OpenModel open) {
        double total = open.profile().plan(spec.duration()).totalArrivals();
        out.append("  expected arrivals: ").append(Math.round(total)).append(" in ")
            .append(Units.formatDuration(spec.duration())).append('\n');
      }
      int totalWeight = w.mix().stream().mapToInt(FlowSpec::weight).sum();
      int nameWidth = Math.max(4, w.mix().stream().mapToInt(f -> f.name().length()).max().orElse(4));
      out.append("  ").append(pad("flow", nameWidth)).append("  weight  share\n");
      for (FlowSpec f : w.mix()) {
        out.append("  ").append(pad(f.name(), nameWidth)).append("  ").append(padLeft(String.valueOf(f.weight()), 6))
            .append("  ").append(padLeft(percent(f.weight(), totalWeight), 5)).append('\n');
      }
      for (FlowSpec f : w.mix()) {
        out.append('\n').append("  ").append(f.name());
        if (!f.feeders().isEmpty()) {
          out.append(" (draws from ").append(String.join(", ", f.feeders().stream().sorted().toList())).append(')');
        }
        out.append('\n');
        int n = 1;
        for (StepSpec step : f.steps()) {
          String prefix = f.steps().size() == 1 ? "    " : "    " + n + ". ";
          String indent = " ".repeat(prefix.length() + 2);
          List<String> lines = switch (step) {
            case ThinkStep t -> List.of(t.think().describe());
            case DriverStep d -> d.describe(showBodies);
            default -> throw new IllegalArgumentException("not a step of a driver: " + step);
          };
          for (int i = 0; i < lines.size(); i++) {
            out.append(i == 0 ? prefix : indent).append(lines.get(i)).append('\n');
          }
          n++;
        }
      }
    }

    loadTable(out, spec);

    out.append("\nCriteria\n");
    if (spec.criteria().isEmpty() && spec.preset() == null) {
      out.append("  none (the run is reported, not judged)\n");
    }
    for (Criterion c : spec.criteria()) {
      out.append("  ").append(c.source()).append('\n');
    }
    if (spec.preset() != null) {
      Preset preset = Preset.named(spec.preset());
      out.append("  preset ").append(preset.label()).append(": ")
          .append(preset.criteria().stream().map(Criterion::source).collect(Collectors.joining(", "))).append('\n');
    }
    return printable(out);
  }

  /** Each line with its control characters escaped: a file's text must not drive the terminal either. */
  private static String printable(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.toString().split("\n", -1)) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(TerminalText.escape(line));
    }
    return out.toString();
  }

  private static String feeder(ScenarioSpec spec, FeederSpec f) {
    StringBuilder text = new StringBuilder(f.name()).append(": ").append(f.file().getFileName()).append(", ")
        .append(f.records().size()).append(f.records().size() == 1 ? " record" : " records")
        .append(" (").append(String.join(", ", f.columns())).append("), ")
        .append(f.order().name().toLowerCase(java.util.Locale.ROOT));
    if (f.order() == FeederSpec.Order.SEQUENTIAL) {
      double draws = 0;
      boolean unknown = false;
      for (WorkloadSpec w : spec.workloads()) {
        int total = w.mix().stream().mapToInt(FlowSpec::weight).sum();
        int using = w.mix().stream().filter(flow -> flow.feeders().contains(f.name())).mapToInt(FlowSpec::weight).sum();
        if (using == 0) {
          continue;
        }
        if (w.load() instanceof OpenModel open) {
          draws += open.profile().plan(spec.duration()).totalArrivals() * using / total;
        } else {
          unknown = true;
        }
      }
      if (!unknown && draws > f.records().size()) {
        text.append(": the open workloads draw about ").append(Math.round(draws))
            .append(", so records will be reused after the last");
      }
    }
    return text.toString();
  }

  private static void loadTable(StringBuilder out, ScenarioSpec spec) {
    long stepMillis = Math.max(1000, (spec.duration().toMillis() + 19) / 20);
    stepMillis = (stepMillis + 999) / 1000 * 1000;
    Duration step = Duration.ofMillis(stepMillis);
    out.append("\nLoad over time (every ").append(Units.formatDuration(step)).append(")\n");
    List<String> header = new ArrayList<>(List.of("time"));
    List<RatePlan> plans = new ArrayList<>();
    for (WorkloadSpec w : spec.workloads()) {
      header.add(w.name());
      plans.add(w.load() instanceof OpenModel open ? open.profile().plan(spec.duration()) : null);
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    double stepSeconds = stepMillis / 1000.0;
    for (long t = 0; t < spec.duration().toMillis(); t += stepMillis) {
      double seconds = t / 1000.0;
      List<String> row = new ArrayList<>();
      row.add(Units.formatDuration(Duration.ofMillis(t)) + (t < spec.warmUp().toMillis() ? " (warm-up)" : ""));
      for (int i = 0; i < spec.workloads().size(); i++) {
        LoadModel load = spec.workloads().get(i).load();
        if (load instanceof OpenModel open) {
          RatePlan plan = plans.get(i);
          if (open.profile() instanceof RateProfile.Burst) {
            // Bursts are instants: show what the row's interval receives on average.
            double end = Math.min(seconds + stepSeconds, plan.durationSeconds());
            row.add(Units.decimal(plan.expectedArrivals(seconds - 1e-9, end - 1e-9) / (end - seconds)) + "/s avg");
          } else {
            row.add(Units.decimal(plan.ratePerSecond(seconds)) + "/s");
          }
        } else if (load instanceof ClosedModel closed) {
          int users = closed.users().usersAt(seconds);
          row.add(users + (users == 1 ? " user" : " users"));
        }
      }
      rows.add(row);
    }
    int[] widths = new int[header.size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < row.size(); c++) {
        line.append(c == 0 ? pad(row.get(c), widths[c]) : padLeft(row.get(c), widths[c]));
        if (c + 1 < row.size()) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append("  ").append(pad(label, 10)).append(value).append('\n');
  }

  private static String percent(int weight, int total) {
    return total == 0 ? "0%" : Units.percent((double) weight / total);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
