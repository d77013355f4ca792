package dev.plimsoll.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import java.io.NotSerializableException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every message through Pekko's own serialization, as it crosses the network. */
class MessageSerializerTest {
  private static ActorSystem<Object> system;
  private static Serialization serialization;

  @BeforeAll
  static void start() {
    system = ActorSystem.create(Behaviors.empty(), PekkoSettings.SYSTEM_NAME,
        PekkoSettings.node("127.0.0.1", 0, null, "coordinator", null));
    serialization = SerializationExtension.get(Adapter.toClassic(system));
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  private static Object roundTrip(Object message) throws NotSerializableException {
    var serializer = serialization.findSerializerFor(message);
    assertThat(serializer).isInstanceOf(MessageSerializer.class);
    byte[] bytes = serializer.toBinary(message);
    String manifest = Serializers.manifestFor(serializer, message);
    return serialization.deserialize(bytes, serializer.identifier(), manifest).get();
  }

  @Test
  void everyMessageReadsBackEqual() throws Exception {
    ActorRef<Message.ToWorker> worker = system.narrow();
    ActorRef<Message.ToCoordinator> coordinator = system.narrow();
    Instant t = Instant.parse("2026-11-30T09:00:00.123456789Z");
    ScenarioBundle bundle = new ScenarioBundle("shop.yaml", "name: shop\n".getBytes(StandardCharsets.UTF_8),
        Map.of("data/users.csv", new byte[] {1, 2, 3}), Map.of("PLIMSOLL_DURATION", "10s"));
    IntervalSnapshot interval = Snapshots.snapshot(4, t, List.of("home", "order"), Snapshots.latencies(7, 1_000));
    ErrorClass error = new ErrorClass("home", "java.io.IOException", "connection refused", 3, t, t.plusSeconds(1),
        List.of(new ErrorSample(t, "connection refused to 127.0.0.1:1")));
    List<Message> messages = List.of(
        new Message.Prepare("r1", bundle, new int[] {1, 2}, 1, coordinator),
        new Message.Start("r1", t),
        new Message.Stop("r1", "stopped by request"),
        new Message.Steer("r1", new dev.plimsoll.core.result.ProfileChange(java.time.Duration.ofNanos(1_812_345_678L),
            "shop", dev.plimsoll.core.result.ProfileChange.Setting.RATE, 100, 333.25, "dashboard")),
        new Message.Steer("r1", new dev.plimsoll.core.result.ProfileChange(java.time.Duration.ofSeconds(3),
            "browsers", dev.plimsoll.core.result.ProfileChange.Setting.USERS, 4, 7, "api")),
        new Message.Ready("r1", worker, "host-a", 8),
        new Message.Refused("r1", worker, "target x:80 is not allowed"),
        new Message.Started("r1", worker, t),
        new Message.Interval("r1", worker, interval),
        new Message.Finished("r1", worker, "completed", List.of(error)));
    for (Message m : messages) {
      assertThat(roundTrip(m)).as(MessageCodec.typeOf(m)).isEqualTo(m);
    }
  }

  @Test
  void anIntervalKeepsItsHistogramsExactly() throws Exception {
    IntervalSnapshot interval = Snapshots.snapshot(0, Snapshots.T0, List.of("a"), Snapshots.latencies(3, 10_000));
    Message.Interval back = (Message.Interval) roundTrip(new Message.Interval("r", system.narrow(), interval));
    assertThat(back.snapshot().operation("a").responseTime().toHistogram())
        .isEqualTo(interval.operation("a").responseTime().toHistogram());
  }

  @Test
  void intervalsOffTheWireMergeIntoWhatOneProcessRecordingEverythingHas() throws Exception {
    // The coordinator's path: each worker's interval through the serializer, then the merger.
    List<String> ops = List.of("home", "order");
    List<long[]> latencies = List.of(Snapshots.latencies(21, 4_000), Snapshots.latencies(22, 9_000),
        Snapshots.latencies(23, 1));
    IntervalMerger<Integer> merger = new IntervalMerger<>(java.util.Set.of(0, 1, 2));
    List<IntervalSnapshot> out = List.of();
    for (int w = 0; w < latencies.size(); w++) {
      IntervalSnapshot sent = Snapshots.snapshot(0, Snapshots.T0.plusMillis(w), ops, latencies.get(w));
      Message.Interval back = (Message.Interval) roundTrip(new Message.Interval("r", system.narrow(), sent));
      out = merger.add(w, back.snapshot());
    }
    IntervalSnapshot merged = out.get(0);
    long[] all = java.util.stream.Stream.of(latencies.toArray(long[][]::new))
        .flatMapToLong(java.util.Arrays::stream).toArray();
    IntervalSnapshot whole = Snapshots.snapshot(0, Snapshots.T0, ops, all);
    for (String op : ops) {
      assertThat(merged.operation(op).responseTime().toHistogram())
          .isEqualTo(whole.operation(op).responseTime().toHistogram());
      assertThat(merged.operation(op).serviceTime().stats()).isEqualTo(whole.operation(op).serviceTime().stats());
      assertThat(merged.operation(op).completed()).isEqualTo(all.length);
    }
    assertThat(merged.start()).isEqualTo(Snapshots.T0);
    assertThat(merged.expectedArrivals()).isEqualTo(all.length);
  }

  @Test
  void anIntervalWithADamagedHistogramIsRefused() throws Exception {
    MessageSerializer serializer = (MessageSerializer) serialization.serializerFor(Message.Interval.class);
    IntervalSnapshot interval = Snapshots.snapshot(0, Snapshots.T0, List.of("a"), Snapshots.latencies(3, 1_000));
    String json = new String(serializer.toBinary(new Message.Interval("r", system.narrow(), interval)),
        StandardCharsets.UTF_8);
    int at = json.indexOf("\"histogram\":\"") + 40;
    String damaged = json.substring(0, at) + (json.charAt(at) == 'A' ? 'B' : 'A') + json.substring(at + 1);
    assertThatThrownBy(() -> serializer.fromBinary(damaged.getBytes(StandardCharsets.UTF_8), "interval"))
        .isInstanceOf(NotSerializableException.class).hasMessageContaining("histogram");
    String fieldAfter = json.substring(0, json.length() - 1) + ",\"extra\":1}";
    assertThatThrownBy(() -> serializer.fromBinary(fieldAfter.getBytes(StandardCharsets.UTF_8), "interval"))
        .as("the interval is the last field").isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("not a valid interval");
    byte[] notAnObject = ("{\"plimsollCluster\":" + MessageCodec.VERSION + ",\"type\":\"interval\",\"runId\":\"r\",\"worker\":\"w\",\"interval\":[1]}")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serializer.fromBinary(notAnObject, "interval"))
        .isInstanceOf(NotSerializableException.class).hasMessageContaining("'interval' must be an object");
  }

  @Test
  void aMessageOfAnotherVersionIsRefusedSayingSo() throws Exception {
    MessageSerializer serializer = (MessageSerializer) serialization.serializerFor(Message.Start.class);
    for (int version : new int[] {MessageCodec.VERSION - 1, MessageCodec.VERSION + 1}) {
      byte[] other = ("{\"plimsollCluster\":" + version + ",\"type\":\"start\",\"runId\":\"r\","
          + "\"startAt\":\"2026-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> serializer.fromBinary(other, "start"))
          .isInstanceOf(NotSerializableException.class)
          .hasMessageContaining("version " + version).hasMessageContaining("same Plimsoll version");
    }
    assertThatThrownBy(() -> serializer.fromBinary("[1]".getBytes(StandardCharsets.UTF_8), "start"))
        .isInstanceOf(NotSerializableException.class).hasMessageContaining("not a Plimsoll cluster message");
  }

  @Test
  void aSteerWithAnUnknownSettingIsRefusedSayingSo() throws Exception {
    MessageSerializer serializer = (MessageSerializer) serialization.serializerFor(Message.Steer.class);
    byte[] bad = ("{\"plimsollCluster\":" + MessageCodec.VERSION + ",\"type\":\"steer\",\"runId\":\"r\","
        + "\"atNs\":1500000000,\"workload\":\"w\",\"setting\":\"speed\",\"from\":1,\"to\":2,\"by\":\"x\"}")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serializer.fromBinary(bad, "steer"))
        .isInstanceOf(NotSerializableException.class).hasMessageContaining("'setting' must be rate or users");
  }

  @Test
  void javaSerialisationIsOff() {
    assertThat(system.settings().config().getBoolean("pekko.actor.allow-java-serialization")).isFalse();
  }
}
