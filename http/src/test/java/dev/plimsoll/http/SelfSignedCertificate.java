package dev.plimsoll.http;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A throw-away self-signed certificate for 127.0.0.1 and localhost, made by the openssl CLI. */
record SelfSignedCertificate(Path certificate, Path privateKey) {

  static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process p;
    try {
      p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
          "-keyout", key.toString(), "-out", cert.toString(), "-days", "2",
          "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "openssl is not installed: skipping TLS tests (" + e.getMessage() + ")");
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(cert)) {
      throw new IllegalStateException("openssl failed: " + out);
    }
    return new SelfSignedCertificate(cert, key);
  }
}
