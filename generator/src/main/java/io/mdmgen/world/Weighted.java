package io.mdmgen.world;

/**
 * A draw from many weighted choices in constant time, whatever their number (Walker's alias
 * method): one hash picks a column and, with its other half, the column's own choice or its
 * alias. Built once per dictionary; the same weights always give the same table and draws.
 */
final class Weighted {
  private final int[] alias;
  /** Per column: the column keeps its own choice when the draw's low 32 bits are below this. */
  private final long[] keep;

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
    alias = new int[n];
    keep = new long[n];
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
    int i = Hash.below(h, alias.length);
    return (h & 0xFFFFFFFFL) < keep[i] ? i : alias[i];
  }

  int size() {
    return alias.length;
  }
}
