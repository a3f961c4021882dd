package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeightedTest {
  /**
   * A steep (Zipf) or flat distribution over fewer or more choices than the head holds: every
   * choice is drawn at its weight's share, the ones the head holds and the tail's alike, and a
   * choice without weight never.
   */
  @ParameterizedTest(name = "{0} choices")
  @ValueSource(ints = {7, 512, 513, 5_000, 8_192, 8_193, 100_000})
  void drawsFollowTheWeights(int n) {
    double[] zipf = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      // Shuffled ranks, so that the head is not simply the first choices; every 10th weighs nothing.
      int rank = (int) Math.floorMod(i * 7919L, n);
      zipf[i] = i % 10 == 9 ? 0 : 1.0 / (rank + 1);
      total += zipf[i];
    }
    Weighted w = new Weighted(zipf);
    int draws = 4_000_000;
    long[] seen = new long[n];
    for (long d = 0; d < draws; d++) {
      seen[w.pick(Hash.of(12345, d))]++;
    }
    double topShare = 0;
    double drawnTop = 0;
    for (int i = 0; i < n; i++) {
      if (zipf[i] == 0) {
        assertEquals(0, seen[i], "choice " + i + " weighs nothing");
        continue;
      }
      double expected = zipf[i] / total * draws;
      if (expected > 20_000) { // a count this large is within 3% of its expectation
        assertEquals(expected, seen[i], 0.03 * expected, "choice " + i);
      }
      if (expected > draws / 1000.0) {
        topShare += zipf[i] / total;
        drawnTop += seen[i];
      }
    }
    // The choices drawn less often than one in a thousand, together, at their weight too.
    double rest = (1 - topShare) * draws;
    assertEquals(rest, draws - drawnTop, 0.01 * draws);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void withoutWeightThereIsNothingToDraw(int n) {
    assertThrows(IllegalArgumentException.class, () -> new Weighted(new double[n]));
  }
}
