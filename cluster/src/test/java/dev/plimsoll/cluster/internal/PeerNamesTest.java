package dev.plimsoll.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.cluster.Certificates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerNamesTest {

  @Test
  void aPatternMatchesWholeNamesWithStarsForAnyCharactersAndNoRegardToCase() {
    PeerNames names = PeerNames.of(List.of(" worker-* ", "coordinator.plimsoll"));
    assertThat(names.accepts(Set.of("worker-1"))).isTrue();
    assertThat(names.accepts(Set.of("WORKER-12.eu"))).isTrue();
    assertThat(names.accepts(Set.of("x", "coordinator.plimsoll"))).isTrue();
    assertThat(names.accepts(Set.of("worker"))).isFalse();
    assertThat(names.accepts(Set.of("coordinator.plimsoll.evil"))).isFalse();
    assertThat(names.accepts(Set.of("coordinatorXplimsoll"))).as("a dot is a dot").isFalse();
    assertThat(names.accepts(Set.of())).isFalse();
  }

  @Test
  void theDefaultAcceptsTheRolesAndTheirVariantsOnly() {
    PeerNames names = PeerNames.of(PeerNames.DEFAULT);
    for (String ok : List.of("coordinator", "worker", "worker-3", "worker.eu-1", "coordinator-eu")) {
      assertThat(names.accepts(Set.of(ok))).as(ok).isTrue();
    }
    for (String no : List.of("intruder", "workers", "dashboard", "coordinator2", "")) {
      assertThat(names.accepts(Set.of(no))).as(no).isFalse();
    }
  }

  @Test
  void patternsAreCheckedWhenGiven() {
    assertThatThrownBy(() -> PeerNames.of(List.of("worker-(.*)"))).hasMessageContaining("letters, digits");
    assertThatThrownBy(() -> PeerNames.of(List.of(" ", ""))).hasMessageContaining("no peer names");
  }

  @Test
  void anIssuedCertificateCarriesItsNameAsDnsNameAndCommonName(@TempDir Path dir) throws Exception {
    Certificates.init(dir);
    Path p12 = Certificates.issue(dir, "worker-7.plimsoll");
    char[] password = Files.readString(dir.resolve("password")).strip().toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, password);
    }
    X509Certificate cert = (X509Certificate) ks.getCertificate("worker-7.plimsoll");
    assertThat(PeerNames.namesOf(cert)).containsExactly("worker-7.plimsoll");
    assertThat(PeerNames.of(PeerNames.DEFAULT).accepts(PeerNames.namesOf(cert))).isTrue();
    // init writes the default as a file to edit.
    assertThat(Files.readString(dir.resolve("peer-names"))).contains("\nworker-*\n").contains("# The names a node accepts");
  }
}
