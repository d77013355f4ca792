package dev.plimsoll.cluster;

import dev.plimsoll.cluster.internal.PeerNames;
import dev.plimsoll.cluster.internal.TlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files {@code plimsoll certs} writes into a TLS directory: {@value #TRUST_STORE} (the CA's
 * certificate, which every node trusts), {@code <name>.p12} (a node's key and certificate, signed by
 * the CA), {@value #PASSWORD_FILE} (the stores' password, readable by its owner only) and
 * {@value #PEER_NAMES_FILE} (the names a node accepts in its peers' certificates, one pattern a line).
 */
final class CertificateFiles {
  static final String TRUST_STORE = "ca-trust.p12";
  static final String PASSWORD_FILE = "password";
  static final String PEER_NAMES_FILE = "peer-names";

  private CertificateFiles() {}

  /**
   * The TLS settings of node {@code name}; its peers' names are {@code peerNames} if given (not
   * null), else those of {@value #PEER_NAMES_FILE} in the directory, else {@link PeerNames#DEFAULT}.
   */
  static TlsSettings settings(Path directory, String name, List<String> peerNames) {
    Path keyStore = directory.resolve(name + ".p12");
    Path trustStore = directory.resolve(TRUST_STORE);
    Path password = directory.resolve(PASSWORD_FILE);
    for (Path p : new Path[] {keyStore, trustStore, password}) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no " + p.getFileName() + " in " + directory
            + " (create it with: plimsoll certs init / plimsoll certs issue " + name + ")");
      }
    }
    try {
      return new TlsSettings(keyStore, trustStore, Files.readString(password, StandardCharsets.UTF_8).strip(),
          PeerNames.of(peerNames != null ? peerNames : peerNamesIn(directory)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + password, e);
    }
  }

  /** The patterns of the directory's {@value #PEER_NAMES_FILE} ('#' starts a comment), or the default. */
  static List<String> peerNamesIn(Path directory) throws IOException {
    Path file = directory.resolve(PEER_NAMES_FILE);
    if (!Files.isRegularFile(file)) {
      return PeerNames.DEFAULT;
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(l -> l.contains("#") ? l.substring(0, l.indexOf('#')) : l)
        .map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** The {@value #PEER_NAMES_FILE} that {@code plimsoll certs init} writes: the default, to edit. */
  static String defaultPeerNamesFile() {
    return """
        # The names a node accepts in its peers' certificates, one pattern a line ('*': any characters).
        # A peer joins only if its certificate chains to this CA and one of its names (DNS names, common
        # name) matches a line here. 'plimsoll certs issue NAME' puts NAME in the certificate.
        # Overridden by --peer-names.
        """ + String.join("\n", PeerNames.DEFAULT) + "\n";
  }
}
