package dev.plimsoll.cluster.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as a cluster message, read as the coordinator and the workers read one
 * ({@link MessageCodec#decode}): a message, or an {@link IllegalArgumentException} saying why not,
 * which the serializer turns into a refusal. Nothing else may escape: a worker's bytes must not
 * crash the coordinator. A worker's interval must then merge (here with itself) and summarise, and
 * every message must write, read back and write again to the same bytes. Unlike the readers of
 * users' files, the words of a refusal are not checked: they go to a log, never to a user's
 * screen as the answer to what they typed. A normal build replays the seeds in
 * {@code MessageCodecFuzzTestInputs/}; {@code -Pfuzz} fuzzes (docs/fuzzing.md).
 */
class MessageCodecFuzzTest {

  /** Actor references as text without an actor system: any text reads as none, none writes as "worker". */
  private static final MessageCodec CODEC = new MessageCodec(new MessageCodec.Refs() {
    @Override
    public String toText(ActorRef<?> ref) {
      return "worker";
    }

    @Override
    public <T> ActorRef<T> fromText(String text) {
      return null;
    }
  });

  /** Each input within 10 s: a slow one is a finding too. */
  @Timeout(10)
  @FuzzTest(maxDuration = "30s")
  void decode(byte[] content) {
    Message message;
    try {
      message = CODEC.decode(content);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() == null || e.getMessage().isBlank()) {
        throw new AssertionError("a refusal that does not say why", e);
      }
      return;
    }
    if (message instanceof Message.Interval interval) {
      IntervalSnapshot snapshot = interval.snapshot();
      IntervalSnapshot merged = IntervalSnapshot.mergeAll(List.of(snapshot, snapshot));
      if (merged.total().completed() != 2 * snapshot.total().completed()) {
        throw new AssertionError("an interval merged with itself that does not count twice");
      }
      merged.total().responseTime().stats();
    }
    byte[] written = CODEC.encode(message);
    if (!Arrays.equals(CODEC.encode(CODEC.decode(written)), written)) {
      throw new AssertionError("a message that reads back different after writing");
    }
  }
}
