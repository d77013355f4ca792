package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Targets from URIs, made again or reused from the last one: the same answer either way. */
class TargetTest {

  @Test
  void eachUriGetsItsOwnSchemeHostPortAndAuthority_whateverCameBefore() {
    String[] uris = {
        "http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b", "http://127.0.0.1:808/", "http://127.0.0.1:80/",
        "http://127.0.0.1/", "https://127.0.0.1/", "https://127.0.0.1:443/x", "https://127.0.0.1:8080/",
        "http://Example.COM:81/", "http://example.com:81/", "http://example.com:8/", "http://[::1]:8080/",
        "http://[::1]/", "http://example.co:81/", "HTTPS://example.com/"};
    String[] expected = {
        "false 127.0.0.1 8080 127.0.0.1:8080", "false 127.0.0.1 8080 127.0.0.1:8080", "false 127.0.0.1 808 127.0.0.1:808",
        "false 127.0.0.1 80 127.0.0.1", "false 127.0.0.1 80 127.0.0.1", "true 127.0.0.1 443 127.0.0.1",
        "true 127.0.0.1 443 127.0.0.1", "true 127.0.0.1 8080 127.0.0.1:8080", "false example.com 81 Example.COM:81",
        "false example.com 81 example.com:81", "false example.com 8 example.com:8", "false ::1 8080 [::1]:8080",
        "false ::1 80 [::1]", "false example.co 81 example.co:81", "true example.com 443 example.com"};
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < uris.length; i++) {
        Target t = Target.of(URI.create(uris[i]));
        assertThat(t.tls() + " " + t.host() + " " + t.port() + " " + t.authority()).as(uris[i]).isEqualTo(expected[i]);
      }
    }
  }
}
