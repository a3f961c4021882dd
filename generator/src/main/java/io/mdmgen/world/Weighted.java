package io.mdmgen.world;

/**
 * A draw from many weighted choices in constant time, whatever their number (Walker's alias
 * method): one hash picks a column and, with its other half, the column's own choice or its
 * alias. Built once per dictionary; the same weights always give the same table and draws.
 */
final class Weighted {
  /**
   * Per column, packed so that a pick reads one cache line: its alias in the upper 32 bits and
   * in the lower the threshold below which a draw's low 32 bits keep the column's own choice
   * (a column that always keeps its choice is its own alias).
   */
  private final long[] table;

  Weighted(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("no choices");
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("negative weight " + w);
      }
      total += w;
    }
    int[] alias = new int[n];
    long[] keep = new long[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smalls = 0;
    int larges = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1) {
        small[smalls++] = i;
      } else {
        large[larges++] = i;
      }
    }
    while (smalls > 0 && larges > 0) {
      int s = small[--smalls];
      int l = large[--larges];
      keep[s] = (long) (scaled[s] * 0x1p32);
      alias[s] = l;
      scaled[l] -= 1 - scaled[s];
      if (scaled[l] < 1) {
        small[smalls++] = l;
      } else {
        large[larges++] = l;
      }
    }
    // What is left is full up to rounding: always its own choice.
    while (larges > 0) {
      int l = large[--larges];
      keep[l] = 1L << 32;
      alias[l] = l;
    }
    while (smalls > 0) {
      int s = small[--smalls];
      keep[s] = 1L << 32;
      alias[s] = s;
    }
    table = new long[n];
    for (int i = 0; i < n; i++) {
      // Keeping its own choice always is the same as an alias to itself.
      table[i] = keep[i] >= 1L << 32 ? (long) i << 32 : (long) alias[i] << 32 | keep[i];
    }
  }

  static Weighted of(long[] counts) {
    double[] w = new double[counts.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = counts[i];
    }
    return new Weighted(w);
  }

  /** The choice for draw {@code h}: {@code i} with probability weight i / total. */
  int pick(long h) {
    int i = Hash.below(h, table.length);
    long t = table[i];
    return (h & 0xFFFFFFFFL) < (t & 0xFFFFFFFFL) ? i : (int) (t >>> 32);
  }
}
