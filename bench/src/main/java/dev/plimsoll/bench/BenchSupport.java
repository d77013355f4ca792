package dev.plimsoll.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What the engine benchmarks share: options, medians, CPU and GC readings, the header line. */
final class BenchSupport {
  private BenchSupport() {}

  /**
   * Options given as {@code --name value} or {@code --name=value}. Unknown names are an error, so a
   * mistyped option never silently runs the default.
   */
  static final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final String usage;

    Options(String[] args, String usage, String... known) {
      this.usage = usage;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("-h") || arg.equals("--help")) {
          System.out.println(usage);
          System.exit(0);
        }
        if (!arg.startsWith("--")) {
          fail("unexpected argument '" + arg + "'");
        }
        String name;
        String value;
        int eq = arg.indexOf('=');
        if (eq > 0) {
          name = arg.substring(2, eq);
          value = arg.substring(eq + 1);
        } else {
          if (i + 1 >= args.length) {
            fail("option --" + arg.substring(2) + " needs a value");
          }
          name = arg.substring(2);
          value = args[++i];
        }
        if (!Arrays.asList(known).contains(name)) {
          fail("unknown option --" + name);
        }
        values.put(name, value);
      }
    }

    double number(String name, double fallback) {
      String v = values.get(name);
      if (v == null) {
        return fallback;
      }
      try {
        double d = Double.parseDouble(v.replace("_", ""));
        if (!(d > 0) || Double.isInfinite(d)) {
          fail("--" + name + " must be a number > 0 (was " + v + ")");
        }
        return d;
      } catch (NumberFormatException e) {
        fail("--" + name + " must be a number (was " + v + ")");
        return fallback;
      }
    }

    int integer(String name, int fallback) {
      double d = number(name, fallback);
      if (d != Math.rint(d) || d > Integer.MAX_VALUE) {
        fail("--" + name + " must be a whole number (was " + values.get(name) + ")");
      }
      return (int) d;
    }

    /** The option's text as given, or {@code fallback}. */
    String text(String name, String fallback) {
      return values.getOrDefault(name, fallback);
    }

    private void fail(String message) {
      System.err.println(message);
      System.err.println(usage);
      System.exit(2);
    }
  }

  static double median(double... values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** CPU time used by this process so far (all threads), or -1 if the JVM cannot tell. */
  static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Collections and their total time so far, over all collectors. */
  static long[] gcCountAndMillis() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  static String gcNames() {
    return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).toList());
  }

  /** One line saying what ran: the JVM, the cores it sees, its heap limit, its collector. */
  static String environment() {
    return String.format(Locale.ROOT, "JVM %s (%s), %d cores visible, max heap %d MiB, GC %s, load average %.2f",
        Runtime.version(), System.getProperty("java.vm.name"), cores(),
        Runtime.getRuntime().maxMemory() >> 20, gcNames(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  static String thousands(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  static String rule(String title) {
    String line = "=".repeat(Math.max(8, 72 - title.length() - 4));
    return "== " + title + " " + line;
  }
}
