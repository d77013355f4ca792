package dev.plimsoll.cluster;

import dev.plimsoll.cluster.internal.TlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files {@code plimsoll certs} writes into a TLS directory: {@value #TRUST_STORE} (the CA's
 * certificate, which every node trusts), {@code <name>.p12} (a node's key and certificate, signed by
 * the CA) and {@value #PASSWORD_FILE} (the stores' password, readable by its owner only).
 */
final class CertificateFiles {
  static final String TRUST_STORE = "ca-trust.p12";
  static final String PASSWORD_FILE = "password";

  private CertificateFiles() {}

  static TlsSettings settings(Path directory, String name) {
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
      return new TlsSettings(keyStore, trustStore, Files.readString(password, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + password, e);
    }
  }
}
