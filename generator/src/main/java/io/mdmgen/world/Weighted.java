package io.mdmgen.world;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A draw from many weighted choices in constant time, whatever their number (Walker's alias
 * method): one hash picks a column and, with its other bits, the column's own choice or its
 * alias. Built once per dictionary; the same weights always give the same table and draws.
 *
 * <p>Real frequencies are steep: the few hundred commonest names, streets or places carry much
 * of the weight, the next few thousand most of the rest. An alias table reads a column picked
 * evenly among all, so a table of every surname would miss the CPU's cache at nearly every draw.
 * So the choices are tiered by rank, each tier an alias table of its own: the {@link #HEAD}
 * likeliest, then up to the 8,192nd, then the long tail. A draw picks its tier by
 * the tiers' shares of the weight, so it reads the far tiers' tables (a miss, most of a draw's
 * cost) only with their shares, and the small ones stay in cache. The distribution is
 * exactly the weights' either way.
 */
final class Weighted {
  /** Where each tier ends, by rank: the likeliest 512, then to the 8,192nd, then the rest. */
  private static final int[] TIER_ENDS = {512, 8_192};
  static final int HEAD = TIER_ENDS[0];
  /** A column packs its keep threshold (24 bits), its own choice and its alias (20 bits each). */
  private static final int CHOICE_BITS = 20;
  private static final long CHOICE_MASK = (1L << CHOICE_BITS) - 1;
  private static final long KEEP_ALWAYS = (1L << 24) - 1;
  private static final long ALL = 1L << 53;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The columns of all tiers, one long every {@code stride} bytes, tier after tier. */
  private final byte[] columns;
  private final int stride;
  /** Per tier: where its columns start, how many, and the draws below whose cut (top 53 mixed bits) go to it. */
  private final int[] starts;
  private final int[] sizes;
  private final long[] cuts;

  Weighted(double[] weights) {
    this(weights, byWeight(weights), null, Long.BYTES);
  }

  static Weighted of(long[] counts) {
    return new Weighted(doubles(counts));
  }

  /**
   * Counts in falling order (so that a choice's rank is its index), whose columns are laid into
   * {@code records}, {@code stride} bytes per choice: the first 8 bytes of each choice's record
   * hold the column whose own choice it is. A draw then reads its column and, unless it takes
   * the alias, the drawn choice's record in one cache line. The draws are the same as
   * {@link #of}'s.
   */
  static Weighted intoRecords(long[] falling, byte[] records, int stride) {
    for (int i = 1; i < falling.length; i++) {
      if (falling[i] > falling[i - 1]) {
        throw new IllegalArgumentException("counts not in falling order at " + i);
      }
    }
    if (stride < Long.BYTES || records.length < (long) falling.length * stride) {
      throw new IllegalArgumentException("records too small for " + falling.length + " choices");
    }
    return new Weighted(doubles(falling), IntStream.range(0, falling.length).toArray(), records, stride);
  }

  private Weighted(double[] weights, int[] order, byte[] records, int stride) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("no choices");
    }
    if (n > 1 << CHOICE_BITS) {
      throw new IllegalArgumentException(n + " choices: at most " + (1 << CHOICE_BITS));
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("negative weight " + w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("no weight");
    }
    // A tier without weight is never drawn (choices by falling weight: nor is any after it).
    int[] ends = new int[TIER_ENDS.length + 1];
    double[] tierWeight = new double[ends.length];
    int tiers = 0;
    for (int t = 0, from = 0; t < ends.length; from = ends[t++]) {
      ends[t] = t < TIER_ENDS.length ? Math.min(n, TIER_ENDS[t]) : n;
      for (int i = from; i < ends[t]; i++) {
        tierWeight[t] += weights[order[i]];
      }
      tiers = ends[t] > from && tierWeight[t] > 0 ? t + 1 : tiers;
    }
    this.stride = stride;
    this.columns = records != null ? records : new byte[n * stride];
    this.starts = new int[tiers];
    this.sizes = new int[tiers];
    this.cuts = new long[tiers];
    double below = 0;
    for (int t = 0, from = 0; t < tiers; from = ends[t++]) {
      long[] tier = columns(weights, Arrays.copyOfRange(order, from, ends[t]));
      for (int k = 0; k < tier.length; k++) {
        LONGS.set(columns, (from + k) * stride, tier[k]);
      }
      starts[t] = from;
      sizes[t] = tier.length;
      below += tierWeight[t];
      cuts[t] = t == tiers - 1 ? ALL : (long) (below / total * 0x1p53);
    }
  }

  /** The choices by falling weight (ties by index); as given when the head holds them all. */
  private static int[] byWeight(double[] weights) {
    IntStream all = IntStream.range(0, weights.length);
    if (weights.length <= HEAD) {
      return all.toArray();
    }
    return all.boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -weights[i]).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
  }

  private static double[] doubles(long[] counts) {
    double[] w = new double[counts.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = counts[i];
    }
    return w;
  }

  /** The choice for draw {@code h}: {@code i} with probability weight i / total. */
  int pick(long h) {
    long u = Hash.mix(h) >>> 11;
    int t = 0;
    while (u >= cuts[t]) {
      t++;
    }
    long c = (long) LONGS.get(columns, (starts[t] + Hash.below(h, sizes[t])) * stride);
    return (int) ((h & KEEP_ALWAYS) < c >>> 40 ? c >>> CHOICE_BITS : c) & (int) CHOICE_MASK;
  }

  /** The alias table of {@code choices} (indexes into {@code weights}), packed per column. */
  private static long[] columns(double[] weights, int[] choices) {
    int n = choices.length;
    double total = 0;
    for (int c : choices) {
      total += weights[c];
    }
    int[] alias = new int[n];
    long[] keep = new long[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smalls = 0;
    int larges = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[choices[i]] * n / total;
      if (scaled[i] < 1) {
        small[smalls++] = i;
      } else {
        large[larges++] = i;
      }
    }
    while (smalls > 0 && larges > 0) {
      int s = small[--smalls];
      int l = large[--larges];
      keep[s] = (long) (scaled[s] * 0x1p24);
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
      keep[l] = KEEP_ALWAYS;
      alias[l] = l;
    }
    while (smalls > 0) {
      int s = small[--smalls];
      keep[s] = KEEP_ALWAYS;
      alias[s] = s;
    }
    long[] table = new long[n];
    for (int i = 0; i < n; i++) {
      // Keeping its own choice always is the same as an alias to itself.
      int other = keep[i] >= KEEP_ALWAYS ? i : alias[i];
      table[i] = Math.min(keep[i], KEEP_ALWAYS) << 40 | (long) choices[i] << CHOICE_BITS | choices[other];
    }
    return table;
  }
}
