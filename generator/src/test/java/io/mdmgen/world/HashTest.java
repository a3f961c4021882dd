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
