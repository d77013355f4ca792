package dev.plimsoll.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority for a cluster's mutual TLS ({@code plimsoll certs init|issue}),
 * for development, tests and small fleets. {@link #init} creates the CA in a directory;
 * {@link #issue} a node's key and certificate signed by it. The directory then holds:
 *
 * <ul>
 *   <li>{@value CertificateFiles#TRUST_STORE}: the CA's certificate, which every node trusts (ship it to each);
 *   <li>{@code <name>.p12}: a node's key and certificate chain (ship it to that node only);
 *   <li>{@value CertificateFiles#PASSWORD_FILE}: the stores' password (readable by its owner only);
 *   <li>{@value CertificateFiles#PEER_NAMES_FILE}: the names a node accepts in its peers' certificates
 *       (patterns; by default {@code coordinator}, {@code worker} and {@code worker-*}-like variants);
 *   <li>{@value #CA_STORE}: the CA's own key, which issues certificates (keep it where they are issued,
 *       never on a node).
 * </ul>
 *
 * A node accepts a peer only if the peer's certificate chains to the CA and one of its names (the
 * name given to {@link #issue}, as DNS name and common name) matches the node's peer names. Keys and
 * the password are never printed or logged.
 */
public final class Certificates {
  /** The CA's key and certificate. */
  public static final String CA_STORE = "ca.p12";

  private static final String CA_ALIAS = "plimsoll-ca";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration NODE_VALIDITY = Duration.ofDays(825);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Certificates() {}

  /**
   * Creates a CA in {@code directory} (created if missing).
   *
   * @throws IllegalStateException if the directory already holds a CA: issuing from a new one would
   *     lock out every node issued before
   */
  public static void init(Path directory) {
    try {
      Files.createDirectories(directory);
      if (Files.exists(directory.resolve(CA_STORE))) {
        throw new IllegalStateException(directory.resolve(CA_STORE) + " exists already: a CA is there");
      }
      byte[] secret = new byte[18];
      RANDOM.nextBytes(secret);
      char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
      writePrivate(directory.resolve(CertificateFiles.PASSWORD_FILE), new String(password).getBytes(StandardCharsets.UTF_8));

      KeyPair ca = keyPair();
      X500Name subject = new X500Name("CN=Plimsoll cluster CA");
      Instant now = Instant.now();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minusSeconds(60)),
          Date.from(now.plus(CA_VALIDITY)), subject, ca.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate caCert = sign(b, ca.getPrivate());

      KeyStore caStore = KeyStore.getInstance("PKCS12");
      caStore.load(null, null);
      caStore.setKeyEntry(CA_ALIAS, ca.getPrivate(), password, new Certificate[] {caCert});
      store(caStore, directory.resolve(CA_STORE), password, true);

      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry(CA_ALIAS, caCert);
      store(trust, directory.resolve(CertificateFiles.TRUST_STORE), password, false);
      Files.writeString(directory.resolve(CertificateFiles.PEER_NAMES_FILE), CertificateFiles.defaultPeerNamesFile(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the CA into " + directory, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not create the CA: " + e.getMessage(), e);
    }
  }

  /**
   * Issues a key and certificate for the node {@code name} ({@code coordinator}, {@code worker-1},
   * a host name) into {@code directory/<name>.p12}, signed by the CA there; returns the file.
   *
   * @throws IllegalArgumentException if the name is not letters, digits, '.', '-' or '_'
   * @throws IllegalStateException if the directory holds no CA ({@link #init} first)
   */
  public static Path issue(Path directory, String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must be letters, digits, '.', '-' or '_' (was '" + name + "')");
    }
    Path caFile = directory.resolve(CA_STORE);
    if (!Files.isRegularFile(caFile)) {
      throw new IllegalStateException("no CA in " + directory + " (create one with: plimsoll certs init)");
    }
    try {
      char[] password = Files.readString(directory.resolve(CertificateFiles.PASSWORD_FILE), StandardCharsets.UTF_8)
          .strip().toCharArray();
      KeyStore caStore = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(caFile)) {
        caStore.load(in, password);
      }
      PrivateKey caKey = (PrivateKey) caStore.getKey(CA_ALIAS, password);
      X509Certificate caCert = (X509Certificate) caStore.getCertificate(CA_ALIAS);

      KeyPair node = keyPair();
      Instant now = Instant.now();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(now.minusSeconds(60)),
          Date.from(now.plus(NODE_VALIDITY)), new X500Name("CN=" + name), node.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      b.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
      X509Certificate cert = sign(b, caKey);

      KeyStore nodeStore = KeyStore.getInstance("PKCS12");
      nodeStore.load(null, null);
      nodeStore.setKeyEntry(name, node.getPrivate(), password, new Certificate[] {cert, caCert});
      Path file = directory.resolve(name + ".p12");
      store(nodeStore, file, password, true);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not issue a certificate in " + directory, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not issue a certificate for " + name + ": " + e.getMessage(), e);
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
  }

  private static void store(KeyStore ks, Path file, char[] password, boolean secret)
      throws IOException, GeneralSecurityException {
    if (secret) {
      writePrivate(file, new byte[0]);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, password);
    }
  }

  /** Creates or truncates {@code file} readable and writable by its owner only (where the file system says so). */
  private static void writePrivate(Path file, byte[] content) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.write(file, content);
  }
}
