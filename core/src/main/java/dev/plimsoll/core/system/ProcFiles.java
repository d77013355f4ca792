package dev.plimsoll.core.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads Linux's /proc files. The parse methods take file contents, so they are tested with
 * sample text; each returns -1 (or a record of -1s) for content it does not recognise.
 */
final class ProcFiles {
  private ProcFiles() {}

  static final Path STAT = Path.of("/proc/stat");
  static final Path SELF_STATUS = Path.of("/proc/self/status");
  static final Path NET_DEV = Path.of("/proc/net/dev");

  /** Cumulative CPU time of the whole machine, in clock ticks. */
  record CpuTicks(long busy, long total) {
    static final CpuTicks UNKNOWN = new CpuTicks(-1, -1);
  }

  /** Cumulative bytes through all network interfaces: every process's, not this one's. */
  record NetBytes(long received, long sent) {
    static final NetBytes UNKNOWN = new NetBytes(-1, -1);
  }

  /** The file's text, or null when it cannot be read (not Linux, restricted /proc). */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The aggregate {@code cpu} line of /proc/stat: user nice system idle iowait irq softirq steal
   * guest guest_nice. Busy is everything but idle and iowait; guest time is left out of the total
   * because the kernel already counts it in user and nice.
   */
  static CpuTicks parseStat(String stat) {
    if (stat == null) {
      return CpuTicks.UNKNOWN;
    }
    for (String line : stat.split("\n")) {
      // Check the prefix before splitting: the intr line can hold thousands of fields.
      if (!line.startsWith("cpu ")) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 5) {
        return CpuTicks.UNKNOWN;
      }
      try {
        long total = 0;
        int counted = Math.min(fields.length - 1, 8);
        for (int i = 1; i <= counted; i++) {
          total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
        return new CpuTicks(total - idle, total);
      } catch (NumberFormatException e) {
        return CpuTicks.UNKNOWN;
      }
    }
    return CpuTicks.UNKNOWN;
  }

  /** Resident set size from the {@code VmRSS:  1234 kB} line of /proc/self/status, in bytes. */
  static long parseRssBytes(String status) {
    if (status == null) {
      return -1;
    }
    for (String line : status.split("\n")) {
      if (!line.startsWith("VmRSS:")) {
        continue;
      }
      String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
      try {
        long value = Long.parseLong(fields[0]);
        return fields.length > 1 && fields[1].equalsIgnoreCase("kB") ? value * 1024 : value;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Bytes received and sent, summed over every interface of /proc/net/dev, loopback included, so
   * that a test against localhost shows its traffic. Each data line is {@code name: rx_bytes
   * rx_packets ... (8 receive fields) tx_bytes ...}; old kernels leave no space after the colon.
   */
  static NetBytes parseNetDev(String netDev) {
    if (netDev == null) {
      return NetBytes.UNKNOWN;
    }
    long received = 0;
    long sent = 0;
    boolean any = false;
    for (String line : netDev.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue; // the two header lines have '|' but no ':'
      }
      String[] fields = line.substring(colon + 1).trim().split("\\s+");
      if (fields.length < 9) {
        return NetBytes.UNKNOWN;
      }
      try {
        received += Long.parseLong(fields[0]);
        sent += Long.parseLong(fields[8]);
        any = true;
      } catch (NumberFormatException e) {
        return NetBytes.UNKNOWN;
      }
    }
    return any ? new NetBytes(received, sent) : NetBytes.UNKNOWN;
  }
}
