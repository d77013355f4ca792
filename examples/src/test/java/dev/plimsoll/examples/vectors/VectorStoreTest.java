package dev.plimsoll.examples.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The store finds what it holds, before any load test times it. */
class VectorStoreTest {
  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void bruteForceFindsAStoredVectorFirst_whenQueriedWithItself() {
    VectorStore store = VectorStore.bruteForce(512);
    long target = -1;
    for (int i = 0; i < 500; i++) {
      long id = store.insert(VectorStore.randomUnit(512, random), Map.of("n", "" + i));
      if (i == 250) {
        target = id;
      }
    }
    float[] query = store.vector(target).orElseThrow();
    assertThat(store.search(query, 5)).hasSize(5).first().extracting(VectorStore.Match::id).isEqualTo(target);
  }

  @Test
  void theIndexFindsAStoredVector_inTheListOfItsNearestCentroid() {
    VectorStore store = new VectorStore(64, 16, 2, 1);
    long target = store.insert(VectorStore.randomUnit(64, random), Map.of());
    for (int i = 0; i < 1000; i++) {
      store.insert(VectorStore.randomUnit(64, random), Map.of());
    }
    assertThat(store.search(store.vector(target).orElseThrow(), 1)).extracting(VectorStore.Match::id)
        .containsExactly(target);
  }

  @Test
  void updateDeleteAndMetadata() {
    VectorStore store = new VectorStore(8, 4, 1, 1);
    long id = store.insert(VectorStore.randomUnit(8, random), Map.of("tenant", "acme"));
    float[] moved = VectorStore.randomUnit(8, random);
    assertThat(store.update(id, moved)).isTrue();
    assertThat(store.search(moved, 1)).extracting(VectorStore.Match::id).containsExactly(id);
    assertThat(store.putMetadata(id, "seen", "1")).isTrue();
    assertThat(store.metadata(id)).contains(Map.of("tenant", "acme", "seen", "1"));
    assertThat(store.delete(id)).isTrue();
    assertThat(store.delete(id)).isFalse();
    assertThat(store.update(id, moved)).isFalse();
    assertThat(store.size()).isZero();
    assertThat(store.search(moved, 3)).isEmpty();
  }

  @Test
  void aVectorOfTheWrongLength_isRefusedNamingBoth() {
    VectorStore store = VectorStore.bruteForce(512);
    assertThatThrownBy(() -> store.insert(new float[128], Map.of()))
        .hasMessage("vector has 128 dimensions, the store 512");
  }
}
