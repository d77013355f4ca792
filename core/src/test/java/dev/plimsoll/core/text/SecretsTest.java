package dev.plimsoll.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Auth-Token", "x-csrf-token",
      "X-Client-Secret", "X-Api-Key", "x_api_key", "ApiKey", "APIKey", "apikey", "X-Password", "dbPassword", "apiToken",
      "token", "key", "api_key", "password", "passwd", "secret", "signature", "sig", "auth", "access_token", "session",
      "sessionId", "X-Amz-Signature", "client_secret", "refreshToken", "jwt", "pwd", "credentials", "sid"})
  void secretNames(String name) {
    assertThat(Secrets.isSecretName(name)).isTrue();
    assertThat(Secrets.redact(name, "v")).isEqualTo("***");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Accept", "Content-Type", "X-Request-Id", "User-Agent", "Cookies-Enabled-Hint", "tenant",
      "keyword", "author", "design", "q", "page", "monkey", "signed", "passenger", "id"})
  void ordinaryNames(String name) {
    assertThat(Secrets.isSecretName(name)).isFalse();
    assertThat(Secrets.redact(name, "v")).isEqualTo("v");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://alice:pass@host/a|http://***@host/a",
      "https://tok3n@github.com/x.git|https://***@github.com/x.git",
      "http://h/p?token=abc&q=boots|http://h/p?token=***&q=boots",
      "http://h/p?q=1&api_key=K1&sig=S2#frag|http://h/p?q=1&api_key=***&sig=***#frag",
      "http://h/p?keyword=shoes&author=me|http://h/p?keyword=shoes&author=me",
      "invalid URL 'http://u:p@h/a b?password=hunter2': Illegal character|invalid URL 'http://***@h/a b?password=***': Illegal character",
      "Authorization: Bearer abc.def|Authorization: ***",
      "{\"password\": \"x1\", \"name\": \"n\"}|{\"password\": \"***\", \"name\": \"n\"}",
      "connection refused by 127.0.0.1:8080|connection refused by 127.0.0.1:8080",
      "connect to session.example.com:443 timed out|connect to session.example.com:443 timed out",
      "check status in [200] failed: got 503|check status in [200] failed: got 503",
      "sid=abc; Path=/|sid=***; Path=/"})
  void textKeepsItsShapeWithSecretsMasked(String text, String redacted) {
    assertThat(Secrets.redactText(text)).isEqualTo(redacted);
  }

  @Test
  void plainTextIsReturnedAsItIs() {
    String text = "check bodyContains <value> failed";
    assertThat(Secrets.redactText(text)).isSameAs(text);
    assertThat(Secrets.redactText(null)).isNull();
    assertThat(Secrets.isSecretName(null)).isFalse();
  }
}
