package dev.plimsoll.cluster;

import java.nio.file.Path;

/**
 * The TLS set-up the cluster's tests share: a private CA in a folder and a certificate for each
 * node name, as {@code plimsoll certs init} and {@code plimsoll certs issue} make them, so a test
 * names only which nodes it needs.
 */
final class TestCa {
  private TestCa() {}

  /** Makes a CA in {@code directory} and issues a certificate for each of {@code names}; returns {@code directory}. */
  static Path issuing(Path directory, String... names) {
    Certificates.init(directory);
    for (String name : names) {
      Certificates.issue(directory, name);
    }
    return directory;
  }
}
