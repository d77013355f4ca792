package dev.plimsoll.core.engine;

import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.result.EnvironmentInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads where a run happens. */
final class Environment {
  private Environment() {}

  static EnvironmentInfo current() {
    Runtime rt = Runtime.getRuntime();
    return new EnvironmentInfo(
        Plimsoll.version(),
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        rt.availableProcessors(),
        rt.maxMemory(),
        hostName());
  }

  /** Avoids a DNS look-up where the kernel already knows the name: resolving can hang for seconds. */
  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException | RuntimeException e) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException ex) {
        return "unknown";
      }
    }
  }
}
