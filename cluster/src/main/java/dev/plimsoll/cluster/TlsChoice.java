package dev.plimsoll.cluster;

import dev.plimsoll.cluster.internal.TlsSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * What a coordinator's or a worker's builder was told of mutual TLS: the certificate directory and
 * name, and the peer names, in either order; the settings are read from the files as each is given,
 * so a mistake is said at once. One place for both builders.
 */
final class TlsChoice {
  private Path directory;
  private String name;
  private List<String> peerNames;
  private TlsSettings settings;

  void files(Path dir, String certificateName) {
    this.directory = dir;
    this.name = certificateName;
    this.settings = CertificateFiles.settings(dir, certificateName, peerNames);
  }

  void peerNames(List<String> patterns) {
    this.peerNames = List.copyOf(patterns);
    if (directory != null) {
      this.settings = CertificateFiles.settings(directory, name, peerNames);
    }
  }

  /** The settings, or null without TLS. */
  TlsSettings settings() {
    return settings;
  }
}
