package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The frame format of the real transports, without sockets. */
class WireFormatTest {

  private static Message message(Object payload) {
    return new Message(7_000_000_001L, 3, Message.SESSION, "s1", 123_456_789L, 2, payload);
  }

  @Test
  void everyPayloadKindComesBackAsItWent() throws IOException {
    for (Object payload : new Object[] {null, "héllo", 42, 42L, 0.5, true}) {
      byte[] body = WireFormat.encode(3, 9, message(payload), 1024, 0);
      assertThat(body).hasSize(1024);
      WireFormat.Frame f = WireFormat.decode(body, 0, body.length);
      assertThat(f.from()).isEqualTo(3);
      assertThat(f.to()).isEqualTo(9);
      assertThat(f.message()).isEqualTo(message(payload));
    }
    byte[] bytes = {1, 2, 3};
    byte[] body = WireFormat.encode(0, 1, new Message(1, 0, 1, null, 5, 0, bytes), 16, 0);
    Message back = WireFormat.decode(body, 0, body.length).message();
    assertThat((byte[]) back.payload()).containsExactly(1, 2, 3);
    assertThat(back.session()).isNull();
  }

  @Test
  void aMessageLongerThanTheSizeIsSentWholeAndTheLengthPrefixIsLeftFree() throws IOException {
    String big = "x".repeat(2000);
    byte[] frame = WireFormat.encode(0, 1, message(big), 1024, 4);
    assertThat(frame.length).isGreaterThan(2000);
    assertThat(Arrays.copyOf(frame, 4)).containsOnly(0);
    assertThat(WireFormat.decode(frame, 4, frame.length - 4).message().payload()).isEqualTo(big);
  }

  @Test
  void whatIsNotAFrameIsRefused() {
    assertThatThrownBy(() -> WireFormat.decode(new byte[10], 0, 10)).isInstanceOf(IOException.class);
    byte[] wrongVersion = WireFormat.encode(0, 1, message(null), 64, 0);
    wrongVersion[0] = 9;
    assertThatThrownBy(() -> WireFormat.decode(wrongVersion, 0, wrongVersion.length)).isInstanceOf(IOException.class);
  }
}
