package dev.plimsoll.http;

import dev.plimsoll.core.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which servers a client trusts over TLS. Host names are verified against the certificate
 * except with {@link #insecure()}, which must be asked for by name.
 */
public sealed interface TlsTrust permits TlsTrust.SystemDefault, TlsTrust.Certificates, TlsTrust.Insecure {

  /** The JDK's default trust store: certificates a browser would accept. */
  static TlsTrust systemDefault() {
    return SystemDefault.INSTANCE;
  }

  /**
   * The CA certificates (or self-signed server certificates) in a PEM file, and no others.
   *
   * @throws InvalidConfigurationException if the file is not a readable file
   */
  static TlsTrust certificates(Path pemFile) {
    return new Certificates(pemFile);
  }

  /** Any certificate, any host name: for test servers only. The connection is still encrypted. */
  static TlsTrust insecure() {
    return Insecure.INSTANCE;
  }

  /** The JDK's default trust store. */
  enum SystemDefault implements TlsTrust {
    INSTANCE;

    @Override
    public String toString() {
      return "system default";
    }
  }

  /** The certificates in one PEM file. */
  record Certificates(Path pemFile) implements TlsTrust {
    public Certificates {
      Objects.requireNonNull(pemFile, "pemFile");
      if (!Files.isRegularFile(pemFile) || !Files.isReadable(pemFile)) {
        throw new InvalidConfigurationException(
            "http.tlsTrust", "CA file " + pemFile + " is not a readable file");
      }
    }

    @Override
    public String toString() {
      return "certificates in " + pemFile;
    }
  }

  /** Trust everything (explicitly insecure). */
  enum Insecure implements TlsTrust {
    INSTANCE;

    @Override
    public String toString() {
      return "insecure (any certificate)";
    }
  }
}
