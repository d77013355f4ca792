package dev.plimsoll.cluster.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.plimsoll.cluster.internal.Message.Finished;
import dev.plimsoll.cluster.internal.Message.Interval;
import dev.plimsoll.cluster.internal.Message.Prepare;
import dev.plimsoll.cluster.internal.Message.Ready;
import dev.plimsoll.cluster.internal.Message.Refused;
import dev.plimsoll.cluster.internal.Message.Start;
import dev.plimsoll.cluster.internal.Message.Started;
import dev.plimsoll.cluster.internal.Message.Steer;
import dev.plimsoll.cluster.internal.Message.Stop;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.results.ResultJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The cluster's wire format: each message is one JSON object, {@code {"plimsollCluster": 2,
 * "type": "interval", "runId": ..., ...}}; an interval is the same object as in {@code result.json}
 * with only what the coordinator reads (no summaries beside histograms, throughput or error rate),
 * its histograms in HdrHistogram's uncompressed encoding (base64), so what a worker measured
 * reaches the coordinator exactly and merges without inflating; it is the message's last field
 * (read where it lies, see {@link #decode}). Actor references travel as Pekko's own text form. A
 * message of another version is refused with a message saying so, never misread. See
 * {@code cluster/README.md}.
 */
public final class MessageCodec {

  /**
   * The version written in every message's {@code plimsollCluster} field. 2: an interval carries
   * only what the coordinator reads (no summaries beside its histograms), histograms uncompressed.
   */
  public static final int VERSION = 2;

  static final String VERSION_FIELD = "plimsollCluster";

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** Actor references to and from text: Pekko's resolver, bound to the actor system. */
  public interface Refs {
    String toText(ActorRef<?> ref);

    <T> ActorRef<T> fromText(String text);
  }

  private final Refs refs;

  public MessageCodec(Refs refs) {
    this.refs = refs;
  }

  /** The type names written in {@code type}; also the serializer's manifests. */
  public static String typeOf(Message m) {
    return switch (m) {
      case Prepare p -> "prepare";
      case Start s -> "start";
      case Stop s -> "stop";
      case Steer s -> "steer";
      case Ready r -> "ready";
      case Refused r -> "refused";
      case Started s -> "started";
      case Interval i -> "interval";
      case Finished f -> "finished";
    };
  }

  public byte[] encode(Message m) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put(VERSION_FIELD, VERSION);
    o.put("type", typeOf(m));
    o.put("runId", m.runId());
    switch (m) {
      case Prepare p -> {
        o.set("bundle", bundle(p.bundle()));
        ArrayNode weights = o.putArray("weights");
        for (int w : p.weights()) {
          weights.add(w);
        }
        o.put("segment", p.segment());
        o.put("replyTo", refs.toText(p.replyTo()));
      }
      case Start s -> o.put("startAt", s.startAt().toString());
      case Stop s -> o.put("reason", s.reason());
      case Steer s -> {
        ProfileChange c = s.change();
        // Nanoseconds: every worker applies the change at exactly the same moment of its run.
        o.put("atNs", c.at().toNanos());
        o.put("workload", c.workload());
        o.put("setting", c.setting().word());
        o.put("from", c.from());
        o.put("to", c.to());
        o.put("by", c.by());
      }
      case Ready r -> {
        o.put("worker", refs.toText(r.worker()));
        o.put("host", r.host());
        o.put("processors", r.processors());
      }
      case Refused r -> {
        o.put("worker", refs.toText(r.worker()));
        o.put("reason", r.reason());
      }
      case Started s -> {
        o.put("worker", refs.toText(s.worker()));
        o.put("startedAt", s.startedAt().toString());
      }
      case Interval i -> {
        o.put("worker", refs.toText(i.worker()));
        // Its JSON as written, not parsed into a tree to be written again.
        o.putRawValue("interval", new RawValue(new String(ResultJson.intervalToJson(i.snapshot()),
            StandardCharsets.UTF_8)));
      }
      case Finished f -> {
        o.put("worker", refs.toText(f.worker()));
        o.put("stopReason", f.stopReason());
        ArrayNode errors = o.putArray("errors");
        f.errors().forEach(e -> errors.add(errorClass(e)));
      }
    }
    try {
      return MAPPER.writeValueAsBytes(o);
    } catch (JacksonException e) {
      throw new IllegalStateException("could not serialise a cluster message", e);
    }
  }

  /**
   * Reads a message.
   *
   * @throws IllegalArgumentException if the bytes are not a message of this version
   */
  public Message decode(byte[] bytes) {
    Fields fields = fields(bytes);
    ObjectNode o = fields.others;
    if (!o.path(VERSION_FIELD).isInt()) {
      throw new IllegalArgumentException("not a Plimsoll cluster message (no " + VERSION_FIELD + " version)");
    }
    int version = o.get(VERSION_FIELD).asInt();
    if (version != VERSION) {
      throw new IllegalArgumentException("a cluster message of version " + version + ", and this Plimsoll reads "
          + "version " + VERSION + ": run the same Plimsoll version on the coordinator and every worker");
    }
    String type = text(o, "type");
    String runId = text(o, "runId");
    return switch (type) {
      case "prepare" -> {
        JsonNode w = o.path("weights");
        int[] weights = new int[w.size()];
        for (int i = 0; i < weights.length; i++) {
          weights[i] = w.get(i).asInt();
        }
        yield new Prepare(runId, bundle(o.path("bundle")), weights, o.path("segment").asInt(),
            refs.fromText(text(o, "replyTo")));
      }
      case "start" -> new Start(runId, time(o, "startAt"));
      case "stop" -> new Stop(runId, text(o, "reason"));
      case "steer" -> new Steer(runId, new ProfileChange(Duration.ofNanos(whole(o, "atNs")), text(o, "workload"),
          setting(text(o, "setting")), number(o, "from"), number(o, "to"), text(o, "by")));
      case "ready" -> new Ready(runId, refs.fromText(text(o, "worker")), text(o, "host"), o.path("processors").asInt());
      case "refused" -> new Refused(runId, refs.fromText(text(o, "worker")), text(o, "reason"));
      case "started" -> new Started(runId, refs.fromText(text(o, "worker")), time(o, "startedAt"));
      case "interval" -> {
        if (fields.intervalLength == 0) {
          throw new IllegalArgumentException("cluster message: 'interval' must be an object");
        }
        yield new Interval(runId, refs.fromText(text(o, "worker")), ResultJson.intervalFromJson(bytes,
            fields.intervalOffset, fields.intervalLength, "cluster message 'interval'"));
      }
      case "finished" -> {
        List<ErrorClass> errors = new ArrayList<>();
        o.path("errors").forEach(e -> errors.add(errorClass(e)));
        yield new Finished(runId, refs.fromText(text(o, "worker")), text(o, "stopReason"), errors);
      }
      default -> throw new IllegalArgumentException("unknown cluster message type '" + type + "'");
    };
  }

  /**
   * A message's fields: the interval's place in the bytes, and every other field as a tree. The
   * interval, nearly all of an interval message, is its last field: the fields before it are read
   * here, and it is parsed only by the interval's own reader, from where it lies to the message's
   * closing brace (a tree of the whole message, written back out and parsed again, cost the
   * coordinator more than merging). Were it not last, the fields after it would be trailing
   * tokens to that reader, and the message refused.
   */
  private static final class Fields {
    final ObjectNode others = MAPPER.createObjectNode();
    int intervalOffset;
    int intervalLength;
  }

  private static Fields fields(byte[] bytes) {
    Fields fields = new Fields();
    try (JsonParser p = MAPPER.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a Plimsoll cluster message (no " + VERSION_FIELD + " version)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.START_OBJECT && name.equals("interval")) {
          int start = (int) p.currentTokenLocation().getByteOffset();
          fields.intervalOffset = start;
          fields.intervalLength = closingBrace(bytes) - start;
          break;
        } else {
          fields.others.set(name, MAPPER.readTree(p));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Plimsoll cluster message: " + e.getMessage(), e);
    }
    return fields;
  }

  /** Where the message's closing brace is. */
  private static int closingBrace(byte[] bytes) {
    int end = bytes.length - 1;
    while (end >= 0 && (bytes[end] == ' ' || bytes[end] == '\n' || bytes[end] == '\r' || bytes[end] == '\t')) {
      end--;
    }
    if (end < 0 || bytes[end] != '}') {
      throw new IllegalArgumentException("not a Plimsoll cluster message: it does not end with '}'");
    }
    return end;
  }

  private static ObjectNode bundle(ScenarioBundle b) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("scenarioName", b.scenarioName());
    o.put("scenario", Base64.getEncoder().encodeToString(b.scenario()));
    ObjectNode files = o.putObject("files");
    b.files().forEach((name, content) -> files.put(name, Base64.getEncoder().encodeToString(content)));
    ObjectNode settings = o.putObject("settings");
    b.settings().forEach(settings::put);
    return o;
  }

  private static ScenarioBundle bundle(JsonNode o) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    o.path("files").properties().forEach(e -> files.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
    Map<String, String> settings = new LinkedHashMap<>();
    o.path("settings").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
    return new ScenarioBundle(text(o, "scenarioName"), Base64.getDecoder().decode(text(o, "scenario")), files,
        settings);
  }

  private static ObjectNode errorClass(ErrorClass e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("operation", e.operation());
    o.put("type", e.type());
    o.put("message", e.message());
    o.put("count", e.count());
    o.put("first", e.first() == null ? null : e.first().toString());
    o.put("last", e.last() == null ? null : e.last().toString());
    ArrayNode samples = o.putArray("samples");
    for (ErrorSample s : e.samples()) {
      samples.addObject().put("time", s.time() == null ? null : s.time().toString()).put("message", s.message());
    }
    return o;
  }

  private static ErrorClass errorClass(JsonNode o) {
    List<ErrorSample> samples = new ArrayList<>();
    o.path("samples").forEach(s -> samples.add(new ErrorSample(instant(s, "time"), s.path("message").textValue())));
    return new ErrorClass(o.path("operation").textValue(), o.path("type").textValue(), o.path("message").textValue(),
        o.path("count").asLong(), instant(o, "first"), instant(o, "last"), samples);
  }

  private static Instant instant(JsonNode o, String field) {
    return o.path(field).textValue() == null ? null : time(o, field);
  }

  /** The time in {@code field}, written as {@link Instant#toString} writes it. */
  private static Instant time(JsonNode o, String field) {
    try {
      return Instant.parse(text(o, field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("cluster message: '" + field + "' must be a time such as "
          + "2026-01-01T00:00:00Z", e);
    }
  }

  private static long whole(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToLong()) {
      throw new IllegalArgumentException("cluster message: '" + field + "' must be a whole number");
    }
    return n.longValue();
  }

  private static double number(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.isNumber()) {
      throw new IllegalArgumentException("cluster message: '" + field + "' must be a number");
    }
    return n.doubleValue();
  }

  private static ProfileChange.Setting setting(String word) {
    for (ProfileChange.Setting s : ProfileChange.Setting.values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    throw new IllegalArgumentException("cluster message: 'setting' must be rate or users (was '" + word + "')");
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException("cluster message: '" + field + "' must be a string");
    }
    return n.textValue();
  }
}
