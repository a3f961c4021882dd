package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashTest {
  @Test
  void unitIsUniformEnoughForRatesToHoldWithinATenthOfAPoint() {
    int n = 1_000_000;
    int below = 0;
    for (int i = 0; i < n; i++) {
      if (Hash.unit(Hash.of(Hash.entity(42, 1, i), 7)) < 0.3) {
        below++;
      }
    }
    assertEquals(0.3, below / (double) n, 0.001);
  }

  @Test
  void entityKeysDoNotDependOnWhetherTheDomainIsKept() {
    long golden = 0x9E3779B97F4A7C15L;
    for (long seed : new long[] {0, 42, -7}) {
      for (long i = 0; i < 1_000; i += 37) {
        long original = Hash.mix(Hash.mix(seed ^ 1 * golden) + i * golden); // the keys as published
        assertEquals(original, Hash.entity(seed, 1, i));
        assertEquals(original, Hash.entity(Hash.domain(seed, 1), i));
      }
    }
  }

  @Test
  void belowStaysInRangeAndHitsEveryValue() {
    int[] seen = new int[7];
    for (int i = 0; i < 70_000; i++) {
      seen[Hash.below(Hash.mix(i), 7)]++;
    }
    for (int count : seen) {
      assertEquals(10_000, count, 400);
    }
  }

  /** The published records were drawn as "the first i with unit(h) < cumulative[i]". */
  @Test
  void pickChoosesTheFirstChoiceWhoseCumulativeProbabilityExceedsTheDraw() {
    double[] cumulative = {0.1, 0.35, 0.35, 0.8, 1.0}; // a zero weight at index 2
    long[] thresholds = Hash.thresholds(cumulative);
    long[] draws = new long[200_000];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = Hash.mix(i);
    }
    for (int i = 0; i < cumulative.length - 1; i++) { // draws on and next to each boundary
      long edge = (long) Math.ceil(cumulative[i] * 0x1.0p53) << 11;
      draws[4 * i] = edge;
      draws[4 * i + 1] = edge - (1 << 11);
      draws[4 * i + 2] = edge | 0x7FF;
      draws[4 * i + 3] = edge - 1;
    }
    int[] seen = new int[cumulative.length];
    for (long h : draws) {
      int expected = 0;
      while (Hash.unit(h) >= cumulative[expected]) {
        expected++;
      }
      int picked = Hash.pick(h, thresholds);
      assertEquals(expected, picked, () -> "draw " + Long.toHexString(h));
      seen[picked]++;
    }
    assertEquals(0, seen[2]);
    assertEquals(0.45, seen[3] / (double) draws.length, 0.005);
    assertEquals(2, Hash.pick(-1L, Hash.cdf(1, 1, 1))); // the largest draw
  }

  @Test
  void normalHasMeanZeroAndUnitVariance() {
    double sum = 0;
    double squares = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      double z = Hash.normal(Hash.mix(i));
      sum += z;
      squares += z * z;
    }
    assertEquals(0, sum / n, 0.01);
    assertEquals(1, squares / n, 0.02);
  }

  @Test
  void sourceRecordIdsAndAccountNumbersNeverCollide() {
    Set<Long> ids = new HashSet<>();
    Set<Long> accounts = new HashSet<>();
    long[] keys = Ids.sourceRecordKeys(42, 2);
    for (long i = 0; i < 200_000; i++) {
      for (int copy = 0; copy < 4; copy++) {
        assertTrue(ids.add(Ids.sourceRecord(keys, i, copy)));
      }
      long account = Ids.accountNumber(Ids.accountKey(42), i);
      assertTrue(account >= 0 && account < 1_000_000_000_000L);
      assertTrue(accounts.add(account));
    }
  }

  @Test
  void consecutiveMastersGetUnrelatedIds() {
    long[] keys = Ids.sourceRecordKeys(42, 0);
    long a = Ids.sourceRecord(keys, 1000, 0);
    long b = Ids.sourceRecord(keys, 1001, 0);
    assertTrue(Long.bitCount(a ^ b) > 16, "ids of neighbours differ in many bits");
  }
}
