package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rehearsal server answers each request once, in turn in several real servers' shapes. */
class RehearsalAnswererTest {

  @Test
  void eachRequestIsAnsweredOnce_itsBodySkipped_inShapesThatVary() {
    EmbeddedChannel channel = new EmbeddedChannel(new RehearsalAnswerer());
    // A body that looks like the end of a head must not be taken for one; the head arrives in pieces.
    String post = "POST /items HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\n\r\n\r\nabcd";
    String get = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
    String all = post + get + get + get;
    channel.writeInbound(Unpooled.copiedBuffer(all.substring(0, 30), StandardCharsets.ISO_8859_1));
    channel.writeInbound(Unpooled.copiedBuffer(all.substring(30), StandardCharsets.ISO_8859_1));

    List<String> answers = new ArrayList<>();
    ByteBuf out;
    while ((out = channel.readOutbound()) != null) {
      answers.add(out.toString(StandardCharsets.ISO_8859_1));
      out.release();
    }
    assertThat(answers).hasSize(4).allSatisfy(a -> assertThat(a).startsWith("HTTP/1.1 200 OK\r\n"));
    assertThat(answers).doesNotHaveDuplicates();
    assertThat(answers).anySatisfy(a -> assertThat(a).contains("Transfer-Encoding: chunked"));
    assertThat(RehearsalAnswerer.contentLength("GET / HTTP/1.1\r\nCONTENT-LENGTH:  12 \r\n\r\n")).isEqualTo(12);
    assertThat(RehearsalAnswerer.contentLength("GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n")).isZero();
  }
}
