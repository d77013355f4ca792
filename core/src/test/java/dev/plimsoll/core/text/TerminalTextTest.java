package dev.plimsoll.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void controlCharactersAreWrittenVisibly() {
    assertThat(TerminalText.escape("a\u001b[2Jb")).isEqualTo("a\\x1B[2Jb");
    assertThat(TerminalText.escape("line\r\nnext\tcol")).isEqualTo("line\\r\\nnext\\tcol");
    assertThat(TerminalText.escape("\u0007\u007f\u009b")).isEqualTo("\\x07\\x7F\\x9B");
    assertThat(TerminalText.escape("abc\u202Edef\u2028")).isEqualTo("abc\\u202Edef\\u2028");
  }

  @Test
  void printableTextIsUnchanged() {
    String text = "Grüße, 東京 — 100 % ok [x] | y";
    assertThat(TerminalText.escape(text)).isSameAs(text);
    assertThat(TerminalText.escape(null)).isNull();
  }

  @Test
  void noEscapedTextHoldsAControlCharacter() {
    for (char c = 0; c < 0x3000; c++) {
      String escaped = TerminalText.escape("x" + c + "y");
      assertThat(escaped.chars().noneMatch(ch -> TerminalText.isUnsafe((char) ch))).as("U+%04X", (int) c).isTrue();
    }
  }
}
