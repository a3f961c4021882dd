package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermutationTest {
  /** Every value of [0, n) is the image of exactly one, and the order is not the identity. */
  @ParameterizedTest(name = "n = {0}")
  @ValueSource(longs = {1, 2, 3, 7, 100, 1_000, 4_097, 65_539, 1_000_003})
  void isABijection(long n) {
    Permutation p = new Permutation(Hash.of(42, n), n);
    BitSet seen = new BitSet((int) n);
    long fixed = 0;
    for (long x = 0; x < n; x++) {
      long y = p.apply(x);
      assertTrue(y >= 0 && y < n, x + " -> " + y);
      assertFalse(seen.get((int) y), "two values map to " + y);
      seen.set((int) y);
      fixed += y == x ? 1 : 0;
    }
    assertTrue(n < 100 || fixed < n / 10, fixed + " fixed points of " + n);
  }
}
