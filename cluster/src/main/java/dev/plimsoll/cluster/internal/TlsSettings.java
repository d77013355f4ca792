package dev.plimsoll.cluster.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Artery over TLS with mutual authentication: each node presents the key and certificate in its
 * key store and accepts only peers whose certificate chains to the CA in its trust store and has a
 * name matching {@code peerNames} ({@link NameCheckingSSLEngineProvider}). The files are those
 * {@code plimsoll certs} writes into a directory ({@code DIR/<name>.p12} and {@code DIR/ca-trust.p12},
 * with the password in {@code DIR/password}). Paths and passwords go to Pekko's configuration only,
 * never to a log.
 */
public record TlsSettings(Path keyStore, Path trustStore, String password, PeerNames peerNames) {

  @Override
  public String toString() {
    // Never the password.
    return "TlsSettings[" + keyStore + ", " + trustStore + ", peers " + peerNames + "]";
  }

  Config applyTo(Config c) {
    String engine = "pekko.remote.artery.ssl.config-ssl-engine.";
    return c.withValue("pekko.remote.artery.transport", ConfigValueFactory.fromAnyRef("tls-tcp"))
        .withValue("pekko.remote.artery.ssl.ssl-engine-provider",
            ConfigValueFactory.fromAnyRef(NameCheckingSSLEngineProvider.class.getName()))
        .withValue(NameCheckingSSLEngineProvider.PEER_NAMES, ConfigValueFactory.fromIterable(peerNames.patterns()))
        .withValue(engine + "key-store", ConfigValueFactory.fromAnyRef(keyStore.toAbsolutePath().toString()))
        .withValue(engine + "trust-store", ConfigValueFactory.fromAnyRef(trustStore.toAbsolutePath().toString()))
        .withValue(engine + "key-store-password", ConfigValueFactory.fromAnyRef(password))
        .withValue(engine + "key-password", ConfigValueFactory.fromAnyRef(password))
        .withValue(engine + "trust-store-password", ConfigValueFactory.fromAnyRef(password))
        .withValue(engine + "protocol", ConfigValueFactory.fromAnyRef("TLSv1.3"))
        .withValue(engine + "enabled-algorithms", ConfigValueFactory.fromIterable(List.of("TLS_AES_256_GCM_SHA384")))
        .withValue(engine + "require-mutual-authentication", ConfigValueFactory.fromAnyRef(true))
        // The peer's names are checked against peerNames instead: the address dialled says nothing
        // on the side that accepts, and IP addresses are rarely in certificates.
        .withValue(engine + "hostname-verification", ConfigValueFactory.fromAnyRef(false));
  }
}
