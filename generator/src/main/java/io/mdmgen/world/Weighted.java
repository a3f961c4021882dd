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
 * <p>Real frequencies are steep: the few hundred commonest names, streets or ages carry most
 * of the weight. So the {@link #HEAD} likeliest choices get a table of their own, small enough to
 * stay in the CPU's cache, and a draw goes to the long tail's table (a cache miss, most of a
 * draw's cost) only with the tail's share of the weight. The distribution is exactly the
 * weights' either way.
 */
final class Weighted {
  /** How many of the likeliest choices the small table holds. */
  static final int HEAD = 512;
  /** A column packs its keep threshold (24 bits), its own choice and its alias (20 bits each). */
  private static final int CHOICE_BITS = 20;
  private static final long CHOICE_MASK = (1L << CHOICE_BITS) - 1;
  private static final long KEEP_ALWAYS = (1L << 24) - 1;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long[] head;
  /** The tail's columns: one long every {@code stride} bytes from {@code base}. */
  private final byte[] tail;
  private final int base;
  private final int stride;
  private final int tailColumns;
  /** A draw whose mixed top 53 bits are below this goes to the head. */
  private final long headCut;

  Weighted(double[] weights) {
    this(weights, byWeight(weights), null, Long.BYTES);
  }

  static Weighted of(long[] counts) {
    return new Weighted(doubles(counts));
  }

  /**
   * Counts in falling order (so that a choice's rank is its index), whose tail columns are laid
   * into {@code records}, {@code stride} bytes per choice: the first 8 bytes of the record of
   * each choice from rank {@link #HEAD} on hold the column whose own choice it is. A draw of the
   * tail then reads its column and, unless it takes the alias, the drawn choice's record in one
   * cache line. The draws are the same as {@link #of}'s.
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
    int[] top = Arrays.copyOf(order, Math.min(n, HEAD));
    int[] rest = Arrays.copyOfRange(order, top.length, n);
    double headWeight = 0;
    for (int i : top) {
      headWeight += weights[i];
    }
    boolean restWeighs = Arrays.stream(rest).anyMatch(i -> weights[i] > 0);
    head = columns(weights, top);
    long[] columns = restWeighs ? columns(weights, rest) : new long[0];
    this.tailColumns = columns.length;
    this.stride = stride;
    this.tail = records != null ? records : new byte[columns.length * Long.BYTES];
    this.base = records != null ? HEAD * stride : 0;
    for (int k = 0; k < columns.length; k++) {
      LONGS.set(tail, base + k * stride, columns[k]);
    }
    headCut = restWeighs ? (long) (headWeight / total * 0x1p53) : 1L << 53;
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
    long c = (Hash.mix(h) >>> 11) < headCut ? head[Hash.below(h, head.length)]
        : (long) LONGS.get(tail, base + stride * Hash.below(h, tailColumns));
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
