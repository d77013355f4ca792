package dev.plimsoll.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 response parser on its own: framing, leniency and limits as Netty's decoder had
 * them, and every response fed whole, byte by byte, and split at every position.
 */
class Http1ParserTest {

  /** Records what the parser hands over, as text. */
  static final class Recorder implements Http1Parser.Handler {
    final List<String> events = new ArrayList<>();
    final List<String[]> heads = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();
    boolean refuse;

    @Override
    public boolean head(int status, String reason, String[] headers, long contentLength, boolean keepAlive) {
      heads.add(headers);
      events.add("head " + status + " '" + reason + "' " + String.join("|", headers) + " length=" + contentLength
          + (keepAlive ? " keep-alive" : " close"));
      return !refuse;
    }

    @Override
    public void content(ByteBuf buffer, int index, int length) {
      body.append(buffer.toString(index, length, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void complete() {
      events.add("body '" + body + "'");
      body.setLength(0);
    }
  }

  /** Parses the text whole, then byte by byte, then split in two at every position: same events each way. */
  private static List<String> parse(String text, boolean head) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    List<String> whole = feed(List.of(bytes), head);
    List<byte[]> singles = new ArrayList<>();
    for (byte b : bytes) {
      singles.add(new byte[] {b});
    }
    assertThat(feed(singles, head)).as("byte by byte").isEqualTo(whole);
    for (int i = 1; i < bytes.length; i++) {
      byte[] a = java.util.Arrays.copyOfRange(bytes, 0, i);
      byte[] b = java.util.Arrays.copyOfRange(bytes, i, bytes.length);
      assertThat(feed(List.of(a, b), head)).as("split at %d", i).isEqualTo(whole);
    }
    return whole;
  }

  private static List<String> parse(String text) throws Exception {
    return parse(text, false);
  }

  /** Feeds the pieces as reads, keeping unparsed bytes for the next one as the connection does. */
  private static List<String> feed(List<byte[]> pieces, boolean head) throws Exception {
    Recorder r = new Recorder();
    Http1Parser p = new Http1Parser(r);
    p.noBody(head);
    ByteBuf pending = Unpooled.buffer();
    for (byte[] piece : pieces) {
      pending.writeBytes(piece);
      p.parse(pending);
      pending.discardReadBytes();
    }
    return r.events;
  }

  @Test
  void aResponseWithContentLength() throws Exception {
    assertThat(parse("HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 2\r\n\r\nok")).containsExactly(
        "head 200 'OK' Server|nginx|Content-Length|2 length=2 keep-alive", "body 'ok'");
  }

  @Test
  void twoResponsesInARow_andStrayLineEndsBetweenThem() throws Exception {
    assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))
        .containsExactly("head 200 'OK' Content-Length|1 length=1 keep-alive", "body 'a'",
            "head 404 'Not Found' Content-Length|0 length=0 keep-alive", "body ''");
  }

  @Test
  void chunked_withExtensionsAndTrailers_andALengthThatChunkedOverrides() throws Exception {
    assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 99\r\n\r\n"
        + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n"))
        .containsExactly("head 200 'OK' Transfer-Encoding|chunked length=-1 keep-alive",
            "body 'helloabcdefghijklmnopqrstuvwxyz'");
  }

  @Test
  void informationalResponsesAreSkipped() throws Exception {
    assertThat(parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
        + "HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nnew"))
        .containsExactly("head 201 'Created' Content-Length|3 length=3 keep-alive", "body 'new'");
  }

  @Test
  void noBody_forHead_204_and304_whateverTheHeadersSay() throws Exception {
    assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", true))
        .containsExactly("head 200 'OK' Content-Length|5 length=-1 keep-alive", "body ''");
    assertThat(parse("HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 7\r\n\r\n"))
        .containsExactly("head 204 'No Content'  length=-1 keep-alive", "body ''",
            "head 304 'Not Modified' Content-Length|7 length=-1 keep-alive", "body ''");
  }

  @Test
  void aBodyWithoutLength_isReadUntilTheConnectionCloses() throws Exception {
    Recorder r = new Recorder();
    Http1Parser p = new Http1Parser(r);
    p.parse(Unpooled.copiedBuffer("HTTP/1.0 200 OK\r\n\r\npart one, ", StandardCharsets.ISO_8859_1));
    p.parse(Unpooled.copiedBuffer("part two", StandardCharsets.ISO_8859_1));
    assertThat(r.events).containsExactly("head 200 'OK'  length=-1 close");
    assertThat(p.closed()).isEqualTo(Http1Parser.Closed.COMPLETED);
    assertThat(r.events).last().isEqualTo("body 'part one, part two'");
  }

  @Test
  void aCloseMidResponse_isPremature_andBetweenResponsesIdle() throws Exception {
    for (String cut : List.of("HTTP/1.1 200 OK\r\nContent-Le", "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")) {
      Http1Parser p = new Http1Parser(new Recorder());
      p.parse(Unpooled.copiedBuffer(cut, StandardCharsets.ISO_8859_1));
      assertThat(p.closed()).as(cut).isEqualTo(Http1Parser.Closed.PREMATURE);
    }
    Http1Parser idle = new Http1Parser(new Recorder());
    idle.parse(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.", StandardCharsets.ISO_8859_1));
    assertThat(idle.closed()).isEqualTo(Http1Parser.Closed.IDLE);
  }

  @Test
  void keepAlive_asTheVersionAndConnectionHeaderSay() throws Exception {
    assertThat(parse("HTTP/1.1 200 OK\r\nConnection: Keep-Alive, Close\r\nContent-Length: 0\r\n\r\n"))
        .first().asString().endsWith(" close");
    assertThat(parse("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"))
        .first().asString().endsWith(" keep-alive");
    assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")).first().asString().endsWith(" close");
  }

  @Test
  void lenientAsNetty_bareLineFeeds_foldedValues_spacesAroundTheColon_noReason() throws Exception {
    assertThat(parse("HTTP/1.1 200\nX-A :  one \n\t two\nX-Empty:\nContent-Length: 007\n\nabcdefg"))
        .containsExactly("head 200 '' X-A|one two|X-Empty||Content-Length|7 length=7 keep-alive", "body 'abcdefg'");
  }

  @Test
  void headerStringsAreReusedFromTheConnectionsPreviousResponse() throws Exception {
    Recorder r = new Recorder();
    Http1Parser p = new Http1Parser(r);
    String response = "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 2\r\n\r\nok";
    p.parse(Unpooled.copiedBuffer(response + response.replace("nginx", "other"), StandardCharsets.ISO_8859_1));
    p.parse(Unpooled.copiedBuffer(response, StandardCharsets.ISO_8859_1));
    String[] first = r.heads.get(0);
    String[] second = r.heads.get(1);
    String[] third = r.heads.get(2);
    assertThat(second[0]).isSameAs(first[0]);
    assertThat(second[1]).isEqualTo("other");
    assertThat(third[1]).isEqualTo("nginx");
    assertThat(third[2]).isSameAs(first[2]);
  }

  @Test
  void aRepeatedHead_isRecognised_wholeOrSplit_butNotForAHeadRequest() throws Exception {
    String response = "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 2\r\n\r\nok";
    byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
    for (int split = 1; split <= bytes.length; split++) {
      Recorder r = new Recorder();
      Http1Parser p = new Http1Parser(r);
      p.parse(Unpooled.wrappedBuffer(bytes));
      ByteBuf pending = Unpooled.buffer();
      pending.writeBytes(bytes, 0, split);
      p.parse(pending);
      pending.discardReadBytes();
      pending.writeBytes(bytes, split, bytes.length - split);
      p.parse(pending);
      assertThat(r.events).as("split at %d", split).containsExactly(
          "head 200 'OK' Server|nginx|Content-Length|2 length=2 keep-alive", "body 'ok'",
          "head 200 'OK' Server|nginx|Content-Length|2 length=2 keep-alive", "body 'ok'");
      if (split == bytes.length) {
        assertThat(r.heads.get(1)).as("the same header array").isSameAs(r.heads.get(0));
      }
      p.noBody(true);
      p.parse(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 2));
      assertThat(r.events).last().isEqualTo("body ''");
      assertThat(r.events.get(r.events.size() - 2)).contains("length=-1");
    }
  }

  @Test
  void aRefusedHead_stopsParsing() throws Exception {
    Recorder r = new Recorder();
    r.refuse = true;
    Http1Parser p = new Http1Parser(r);
    ByteBuf in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n", StandardCharsets.ISO_8859_1);
    p.parse(in);
    assertThat(r.events).hasSize(1);
    assertThat(in.isReadable()).isFalse();
  }

  @Test
  void malformedResponses_sayWhatIsWrong() {
    assertMalformed("HTTP/1.1 abc OK\r\n\r\n", "For input string: \"abc\"");
    assertMalformed("SPDY 200 OK\r\n\r\n", "invalid version format: SPDY");
    assertMalformed("HTTP/1.1 200 OK\r\nnocolon\r\n\r\n", "No colon found");
    assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "Multiple Content-Length values found: [1, 2]");
    assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length value is not a number: -1");
    assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", "Invalid character in chunk size");
    assertMalformed("HTTP/1.1 200 OK\r\nX: " + "v".repeat(9000) + "\r\n\r\n", "HTTP header is larger than 8192 bytes.");
    assertMalformed("HTTP/1.1 200 " + "r".repeat(5000), "An HTTP line is larger than 4096 bytes.");
  }

  @Test
  void afterAMalformedResponse_everythingIsIgnored() {
    Recorder r = new Recorder();
    Http1Parser p = new Http1Parser(r);
    assertThatThrownBy(() -> p.parse(Unpooled.copiedBuffer("HTTP/1.1 xyz\r\n", StandardCharsets.ISO_8859_1)))
        .isInstanceOf(Http1Parser.MalformedException.class);
    ByteBuf more = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", StandardCharsets.ISO_8859_1);
    assertThat(catchParse(p, more)).isNull();
    assertThat(r.events).isEmpty();
    assertThat(more.isReadable()).isFalse();
    assertThat(p.closed()).isEqualTo(Http1Parser.Closed.IDLE);
  }

  private static Throwable catchParse(Http1Parser p, ByteBuf in) {
    try {
      p.parse(in);
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  private static void assertMalformed(String text, String message) {
    Http1Parser p = new Http1Parser(new Recorder());
    assertThatThrownBy(() -> p.parse(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1)))
        .as(text.length() > 60 ? text.substring(0, 60) : text)
        .isInstanceOf(Http1Parser.MalformedException.class).hasMessage(message);
  }
}
