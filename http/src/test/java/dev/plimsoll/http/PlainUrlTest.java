package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plain-URL scan agrees with java.net.URI on every URL it accepts, and leaves the rest to it. */
class PlainUrlTest {

  /** What java.net.URI makes of the URL, in PlainUrl's terms. */
  private static String viaUri(String url) {
    URI u = URI.create(url);
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    String pathAndQuery = u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
    return u.getScheme().equals("https") + " " + u.getHost() + " " + u.getPort() + " " + pathAndQuery;
  }

  private static String plain(String url) {
    PlainUrl p = PlainUrl.parse(url);
    return p == null ? null : p.tls() + " " + p.host() + " " + p.port() + " " + p.pathAndQuery();
  }

  @Test
  void commonUrlsArePlain_andAgreeWithUri() {
    for (String url : new String[] {
        "http://127.0.0.1:18181/", "http://127.0.0.1:18181/items/42", "https://example.com", "http://localhost:8080",
        "http://a-b.example.COM/search?q=boots&page=2", "http://h/p;x=1/%7Euser?a=%20b&c=d/e?f", "http://10.0.0.255:0/",
        "http://shop.test:8080/api/orders/7?n=3", "https://x.io/a?", "http://h/!$&'()*+,;=:@-._~"}) {
      assertThat(plain(url)).as(url).isNotNull().isEqualTo(viaUri(url));
    }
  }

  @Test
  void othersAreLeftToUri() {
    for (String url : new String[] {
        "HTTP://example.com/", "ftp://example.com/", "http://[::1]:8080/", "http://user@example.com/", "http://h/#frag",
        "http://h/a b", "http://h/%zz", "http://h?q", "http://h:/x", "http://h:123456/", "http://-h/", "http://h-/",
        "http://a..b/", "http://1.2.3/", "http://256.1.1.1/", "http://example.123/", "http://h_x/", "http://", "http:///x",
        "http://h/\u00e9", "http://h/[x]", "http://h.com./"}) {
      assertThat(PlainUrl.parse(url)).as(url).isNull();
    }
  }

  @Test
  void randomUrls_acceptedOnlyWhenUriAgrees() {
    SplittableRandom random = new SplittableRandom(7);
    String alphabet = "aZ09.-:/?%&=#@[]_~! 1fF";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder url = new StringBuilder(random.nextBoolean() ? "http://" : "https://");
      int length = random.nextInt(14);
      for (int j = 0; j < length; j++) {
        url.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = url.toString();
      String plain = plain(text);
      if (plain != null) {
        assertThat(plain).as(text).isEqualTo(viaUri(text));
      }
    }
  }

  @Test
  void requestsFromPlainUrls_behaveAsFromUris() {
    HttpRequest fromText = HttpRequest.builder("http://127.0.0.1:8080/a?b=c").header("accept", "text/plain").build();
    HttpRequest fromUri = HttpRequest.builder(URI.create("http://127.0.0.1:8080/a?b=c")).header("accept", "text/plain").build();
    assertThat(fromText).isEqualTo(fromUri).hasSameHashCodeAs(fromUri).hasToString("GET http://127.0.0.1:8080/a?b=c");
    assertThat(fromText.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/a?b=c"));
    assertThat(fromText.target()).isEqualTo(fromUri.target());
    assertThat(fromText.pathAndQuery()).isEqualTo(fromUri.pathAndQuery()).isEqualTo("/a?b=c");
    assertThat(fromText.newBuilder().post("x").build().uri()).isEqualTo(fromText.uri());
    assertThatThrownBy(() -> HttpRequest.get("ftp://example.org/"))
        .hasMessage("request URI 'ftp://example.org/' must be absolute with scheme http or https");
    assertThatThrownBy(() -> HttpRequest.get("http://h/a b")).hasMessageStartingWith("request URI 'http://h/a b' is not a valid URI");
  }
}
