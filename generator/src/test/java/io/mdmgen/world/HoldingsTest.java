package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HoldingsTest {
  static final World WORLD = new WorldSpec(42, WorldTest.AS_OF, Scenario.defaults()).world();

  @Test
  void sharesAddUpToTheBlockByLargestRemainders() {
    int[] s = Holdings.shares(0.8, new double[] {0.7, 0.2, 0.1});
    assertArrayEquals(new int[] {819, 2294, 655, 328}, s);
    assertEquals(Holdings.BLOCK, java.util.Arrays.stream(s).sum());
    assertArrayEquals(new int[] {0, Holdings.BLOCK}, Holdings.shares(1, new double[] {1}));
    assertArrayEquals(new int[] {Holdings.BLOCK, 0, 0}, Holdings.shares(0, new double[] {0.5, 0.5}));
  }

  @Test
  void everyBlockHoldsTheSameCountsInAnotherOrder() {
    Holdings h = WORLD.holdings();
    for (SourceSystem s : SourceSystem.values()) {
      long[] first = null;
      int[] order = null;
      boolean reordered = false;
      for (long b = 0; b < 20; b++) {
        long[] counts = new long[SourceRates.MAX_COPIES + 1];
        int[] copies = new int[Holdings.BLOCK];
        for (int i = 0; i < Holdings.BLOCK; i++) {
          copies[i] = h.copies(b * Holdings.BLOCK + i, s.ordinal());
          counts[copies[i]]++;
        }
        if (first == null) {
          first = counts;
          order = copies;
        }
        assertArrayEquals(first, counts, s + " block " + b);
        reordered |= !java.util.Arrays.equals(order, copies);
      }
      assertTrue(reordered, s + ": blocks differ in who holds what");
    }
  }

  @Test
  void noPlaceInABlockIsFavouredAndNeighboursAreIndependent() {
    Holdings h = WORLD.holdings();
    int blocks = 2_000;
    SourceSystem s = SourceSystem.CRM;
    double coverage = 1 - Holdings.shares(Scenario.defaults().rates(s).coverage(),
        Scenario.defaults().rates(s).copies())[0] / (double) Holdings.BLOCK;
    int[] covered = new int[Holdings.BLOCK];
    long pairs = 0;
    for (long b = 0; b < blocks; b++) {
      for (int i = 0; i < Holdings.BLOCK; i++) {
        boolean held = h.copies(b * Holdings.BLOCK + i, s.ordinal()) > 0;
        covered[i] += held ? 1 : 0;
        if (held && i > 0 && h.copies(b * Holdings.BLOCK + i - 1, s.ordinal()) > 0) {
          pairs++;
        }
      }
    }
    double sd = Math.sqrt(coverage * (1 - coverage) / blocks);
    for (int i = 0; i < Holdings.BLOCK; i++) {
      assertEquals(coverage, covered[i] / (double) blocks, 5.5 * sd, "slot " + i);
    }
    double both = pairs / (double) (blocks * (Holdings.BLOCK - 1L));
    assertEquals(coverage * coverage, both, 0.005, "neighbours both held");
  }

  @Test
  void reachFindsTheMasterWhereTheRecordsAddUp() {
    Holdings h = WORLD.holdings();
    for (long from : new long[] {0, 17, Holdings.BLOCK - 1, 5 * Holdings.BLOCK}) {
      for (long n : new long[] {1, 2, 999, 3L * Holdings.BLOCK, 40_001}) {
        long[] reach = h.reach(from, n);
        long done = 0;
        long i = from;
        while (done + h.records(i) < n) {
          done += h.records(i++);
        }
        assertEquals(i, reach[0], "end for " + n + " from " + from);
        assertEquals(done, reach[1], "records before for " + n + " from " + from);
      }
    }
  }
}
