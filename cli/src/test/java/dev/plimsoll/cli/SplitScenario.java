package dev.plimsoll.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scenario the cluster tests of the command split between two workers: 100/s for 2 s of
 * {@code GET /}, so each worker's half is 100 arrivals. It names no target: the tests give nginx's
 * on the command line ({@code --target}), as a user pointing a saved scenario elsewhere would.
 */
final class SplitScenario {
  private SplitScenario() {}

  /** Writes it to {@code dir/split.yaml} and returns that file. */
  static Path write(Path dir) throws IOException {
    return Files.writeString(dir.resolve("split.yaml"), """
        name: split
        duration: 2s
        workloads:
          - name: shop
            open: { rate: 100/s }
            mix:
              - name: home
                request: { url: / }
        """);
  }
}
