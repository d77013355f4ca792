package dev.plimsoll.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

  private static final String STAT = """
      cpu  4399 12 1101 95097 117 3 15 5 7 1
      cpu0 1398 0 459 48442 14 0 3 1 0 0
      cpu1 3001 0 642 46654 103 0 11 3 0 0
      intr 123456 0 0
      ctxt 98765
      """;

  @Test
  void statBusyExcludesIdleAndIowaitAndTotalExcludesGuest() {
    ProcFiles.CpuTicks ticks = ProcFiles.parseStat(STAT);

    // user+nice+system+idle+iowait+irq+softirq+steal; guest (7) and guest_nice (1) left out.
    long total = 4399 + 12 + 1101 + 95097 + 117 + 3 + 15 + 5;
    assertThat(ticks.total()).isEqualTo(total);
    assertThat(ticks.busy()).isEqualTo(total - 95097 - 117);
  }

  @Test
  void statOfAnOldKernelWithFewerColumns() {
    ProcFiles.CpuTicks ticks = ProcFiles.parseStat("cpu  100 0 50 850\n");

    assertThat(ticks).isEqualTo(new ProcFiles.CpuTicks(150, 1000));
  }

  @Test
  void unreadableStatIsUnknown() {
    assertThat(ProcFiles.parseStat(null)).isEqualTo(ProcFiles.CpuTicks.UNKNOWN);
    assertThat(ProcFiles.parseStat("cpu0 1 2 3 4\n")).isEqualTo(ProcFiles.CpuTicks.UNKNOWN);
    assertThat(ProcFiles.parseStat("cpu  a b c d\n")).isEqualTo(ProcFiles.CpuTicks.UNKNOWN);
  }

  @Test
  void rssFromStatusInBytes() {
    String status = """
        Name:\tjava
        VmPeak:\t 8123456 kB
        VmRSS:\t  123456 kB
        RssAnon:\t  100000 kB
        Threads:\t42
        """;

    assertThat(ProcFiles.parseRssBytes(status)).isEqualTo(123456L * 1024);
  }

  @Test
  void rssUnknownWithoutTheLine() {
    assertThat(ProcFiles.parseRssBytes("Name:\tjava\nThreads:\t42\n")).isEqualTo(-1);
    assertThat(ProcFiles.parseRssBytes(null)).isEqualTo(-1);
    assertThat(ProcFiles.parseRssBytes("VmRSS:\tlots kB\n")).isEqualTo(-1);
  }

  @Test
  void netDevSumsEveryInterface() {
    String netDev = """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            lo:    3193      29    0    0    0     0          0         0     3193      29    0    0    0     0       0          0
          eth0: 10646953     352    0    0    0     0          0         0    26066     267    0    0    0     0       0          0
          eth1:12345678901 99    0    0    0     0          0         0 1000 3    0    0    0     0       0          0
        """;

    ProcFiles.NetBytes bytes = ProcFiles.parseNetDev(netDev);

    assertThat(bytes.received()).isEqualTo(3193L + 10646953L + 12345678901L);
    assertThat(bytes.sent()).isEqualTo(3193L + 26066L + 1000L);
  }

  @Test
  void netDevUnknownWhenMalformedOrEmpty() {
    assertThat(ProcFiles.parseNetDev(null)).isEqualTo(ProcFiles.NetBytes.UNKNOWN);
    assertThat(ProcFiles.parseNetDev("Inter-| Receive\n face |bytes\n"))
        .isEqualTo(ProcFiles.NetBytes.UNKNOWN);
    assertThat(ProcFiles.parseNetDev("eth0: 1 2 3\n")).isEqualTo(ProcFiles.NetBytes.UNKNOWN);
  }
}
