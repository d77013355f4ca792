package dev.plimsoll.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.testing.TestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeederTest {

  @Test
  void csvWithQuotedFields_commasQuotesAndLineBreaksInside() {
    FeederFiles.Table t = FeederFiles.csv(
        "\uFEFFname,comment,n\r\n"
            + "ann,\"likes, commas\",1\r\n"
            + "\"bob\",\"said \"\"hi\"\"\",2\n"
            + "\n"
            + "cy,\"two\nlines\",3\n"
            + "dee,,\"\"\n"
            + "eve, \"spaced\" ,5",
        "users.csv");
    assertThat(t.columns()).containsExactly("name", "comment", "n");
    assertThat(t.records()).containsExactly(
        Map.of("name", "ann", "comment", "likes, commas", "n", "1"),
        Map.of("name", "bob", "comment", "said \"hi\"", "n", "2"),
        Map.of("name", "cy", "comment", "two\nlines", "n", "3"),
        Map.of("name", "dee", "comment", "", "n", ""),
        Map.of("name", "eve", "comment", "spaced ", "n", "5"));
  }

  @Test
  void csvErrorsNameTheLine() {
    assertThatThrownBy(() -> FeederFiles.csv("a,b\n1,2\n\"3,4\n", "f.csv"))
        .hasMessage("f.csv:3: a quoted field is not closed");
    assertThatThrownBy(() -> FeederFiles.csv("a,b\n1,2,3\n", "f.csv"))
        .hasMessage("f.csv:2: the row has 3 fields but the header has 2");
    assertThatThrownBy(() -> FeederFiles.csv("a,a\n1,2\n", "f.csv"))
        .hasMessage("f.csv:1: column 'a' appears twice in the header");
    assertThatThrownBy(() -> FeederFiles.csv("a,b\n1,x\"y\n", "f.csv"))
        .hasMessageStartingWith("f.csv:2: a quote inside an unquoted field");
    assertThatThrownBy(() -> FeederFiles.csv("\n\n", "f.csv"))
        .hasMessage("f.csv: is empty (expected a header row, then records)");
  }

  @Test
  void jsonArrayOfObjects_valuesAsText_missingKeysEmpty() {
    FeederFiles.Table t = FeederFiles.json(
        "[{\"name\":\"ann\",\"age\":31,\"tags\":[\"a\"]},{\"name\":\"bob\",\"admin\":true,\"age\":null}]", "u.json");
    assertThat(t.columns()).containsExactly("name", "age", "tags", "admin");
    assertThat(t.records()).containsExactly(
        Map.of("name", "ann", "age", "31", "tags", "[\"a\"]", "admin", ""),
        Map.of("name", "bob", "age", "", "tags", "", "admin", "true"));
    assertThatThrownBy(() -> FeederFiles.json("{\"name\":\"ann\"}", "u.json"))
        .hasMessage("u.json: expected an array of objects, e.g. [{\"name\": \"ann\"}]");
    assertThatThrownBy(() -> FeederFiles.json("[1]", "u.json")).hasMessage("u.json: element 0 is not an object");
    assertThatThrownBy(() -> FeederFiles.json("[{\"a\":1}", "u.json")).hasMessageStartingWith("u.json:1:");
  }

  private static FeederSpec spec(FeederSpec.Order order, String... names) {
    List<Map<String, String>> records = new ArrayList<>();
    for (String n : names) {
      records.add(Map.of("name", n));
    }
    return new FeederSpec("users", Path.of("users.csv"), FeederSpec.Format.CSV, order, List.of("name"), records);
  }

  private static List<String> draw(Feeder feeder, TestContext context, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(feeder.next(context).get("name"));
    }
    return names;
  }

  @Test
  void sequential_eachRecordOnceInOrder_thenFromTheFirstAgain() {
    Feeder feeder = new Feeder(spec(FeederSpec.Order.SEQUENTIAL, "a", "b", "c"));
    assertThat(draw(feeder, new TestContext(0, 1), 2)).containsExactly("a", "b");
    // The cursor is shared: another user goes on where the first stopped.
    assertThat(draw(feeder, new TestContext(1, 1), 3)).containsExactly("c", "a", "b");
  }

  @Test
  void circular_wrapsAroundInFileOrder() {
    Feeder feeder = new Feeder(spec(FeederSpec.Order.CIRCULAR, "a", "b"));
    assertThat(draw(feeder, new TestContext(), 5)).containsExactly("a", "b", "a", "b", "a");
  }

  @Test
  void random_repeatsForTheSameSeedAndReachesEveryRecord() {
    FeederSpec s = spec(FeederSpec.Order.RANDOM, "a", "b", "c", "d");
    List<String> first = draw(new Feeder(s), new TestContext(0, 9), 200);
    List<String> again = draw(new Feeder(s), new TestContext(0, 9), 200);
    assertThat(first).isEqualTo(again).contains("a", "b", "c", "d");
    assertThat(first.subList(0, 8)).isNotEqualTo(List.of("a", "b", "c", "d", "a", "b", "c", "d"));
  }

  @Test
  void sharedCursor_handsOutEachRecordOncePerRoundUnderConcurrency() throws Exception {
    String[] names = new String[100];
    for (int i = 0; i < names.length; i++) {
      names[i] = "u" + i;
    }
    Feeder feeder = new Feeder(spec(FeederSpec.Order.SEQUENTIAL, names));
    Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int t = 0; t < 4; t++) {
        int user = t;
        pool.submit(() -> {
          TestContext c = new TestContext(user, 1);
          for (int i = 0; i < 250; i++) {
            counts.computeIfAbsent(feeder.next(c).get("name"), k -> new AtomicInteger()).incrementAndGet();
          }
        });
      }
    }
    assertThat(counts).hasSize(100);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(10));
  }
}
