package io.mdmgen.world;

/**
 * A keyed bijection of {@code [0, n)}: four Feistel rounds on a square {@code u × u >= n}
 * (u = ⌈√n⌉), walking the cycle back into range for the few values beyond n. Nearly every
 * value takes one pass, so the order it gives costs a few hashes per row, for any n.
 */
final class Permutation {
  private static final int ROUNDS = 4;
  private final long n;
  private final long u;
  private final long[] keys = new long[ROUNDS];

  Permutation(long key, long n) {
    if (n < 1 || n > 1L << 62) {
      throw new IllegalArgumentException("cannot permute " + n + " values");
    }
    this.n = n;
    long side = (long) Math.ceil(Math.sqrt((double) n));
    while (side * side < n) {
      side++;
    }
    this.u = Math.max(1, side);
    for (int r = 0; r < ROUNDS; r++) {
      keys[r] = Hash.of(key, r);
    }
  }

  /** The image of {@code x}, for {@code 0 <= x < n}. */
  long apply(long x) {
    do {
      x = feistel(x);
    } while (x >= n);
    return x;
  }

  private long feistel(long x) {
    long left = x / u;
    long right = x - left * u;
    for (int r = 0; r < ROUNDS; r++) {
      // Lemire's multiply-shift in place of a remainder (a division, four per value): u < 2^31.
      long next = left + ((Hash.mix(right ^ keys[r]) >>> 32) * u >>> 32);
      left = right;
      right = next >= u ? next - u : next;
    }
    return left * u + right;
  }
}
