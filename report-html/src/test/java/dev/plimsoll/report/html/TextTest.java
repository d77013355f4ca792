package dev.plimsoll.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void markupIsEscapedForTextAndAttributes() {
    assertThat(Text.html("\"><img src=x onerror='a()'>&amp;"))
        .isEqualTo("&quot;&gt;&lt;img src=x onerror=&#39;a()&#39;&gt;&amp;amp;");
  }

  @Test
  void terminalEscapesShowInsteadOfActing() {
    assertThat(Text.visible("\u001b[31mred\u0007\u009b1m\u007f")).isEqualTo("\u241b[31mred\u2407\ufffd1m\u2421");
    assertThat(Text.visible("tab\tand\nline")).isEqualTo("tab\tand\nline");
    assertThat(Text.visible(null)).isEmpty();
  }
}
