package io.mdmgen.world;

import java.io.Serializable;

/**
 * How many records each source system holds of each master. Masters come in blocks of
 * {@link #BLOCK} consecutive indexes, and every block holds the configured shares exactly: the
 * coverage and copy weights, rounded to whole masters, say how many of its masters a source holds
 * k records of, and a keyed bijection of the block (one per block and source) says which. So the
 * records of any range of masters follow from arithmetic on its whole blocks and a walk of at most
 * two partial ones: a run of any size is planned in microseconds, and the realized shares are the
 * configured ones to within 1/{@link #BLOCK}.
 */
final class Holdings implements Serializable {
  static final int BLOCK_BITS = 12;
  static final int BLOCK = 1 << BLOCK_BITS;
  private static final int MASK = BLOCK - 1;
  private static final int SOURCES = SourceSystem.values().length;

  /** Hash domain of the blocks' bijections. */
  private final long domain;
  /** [s][k]: masters of a block that {@code s} holds at most k records of, less one per k. */
  private final int[][] below;
  /** [s][k]: masters of a block that {@code s} holds exactly k records of. */
  private final int[][] perBlock;

  Holdings(long domain, Scenario scenario) {
    this.domain = domain;
    this.below = new int[SOURCES][];
    this.perBlock = new int[SOURCES][];
    for (SourceSystem s : SourceSystem.values()) {
      SourceRates r = scenario.rates(s);
      int[] counts = shares(r.coverage(), r.copies());
      perBlock[s.ordinal()] = counts;
      int[] cumulative = new int[counts.length - 1];
      int run = 0;
      for (int k = 0; k < cumulative.length; k++) {
        run += counts[k];
        cumulative[k] = run;
      }
      below[s.ordinal()] = cumulative;
    }
  }

  /**
   * Masters per block with 0, 1, 2... records: {@code BLOCK} split by coverage, then the covered
   * by the copy weights, each by largest remainders so that the parts add up.
   */
  static int[] shares(double coverage, double[] copies) {
    int covered = (int) Math.round(BLOCK * Math.min(1, Math.max(0, coverage)));
    double total = 0;
    for (double w : copies) {
      total += w;
    }
    int[] out = new int[copies.length + 1];
    out[0] = BLOCK - covered;
    double[] remainder = new double[copies.length];
    int given = 0;
    for (int k = 0; k < copies.length; k++) {
      double exact = total > 0 ? covered * copies[k] / total : 0;
      out[k + 1] = (int) Math.floor(exact);
      remainder[k] = exact - out[k + 1];
      given += out[k + 1];
    }
    for (; given < covered; given++) {
      int best = 0;
      for (int k = 1; k < remainder.length; k++) {
        best = remainder[k] > remainder[best] ? k : best;
      }
      out[best + 1]++;
      remainder[best] = -1;
    }
    return out;
  }

  /** Records {@code source} holds of master {@code index}. */
  int copies(long index, int source) {
    long h = Hash.entity(domain, (index >>> BLOCK_BITS) * SOURCES + source);
    int rank = slot((int) index & MASK, h);
    int[] thresholds = below[source];
    int k = 0;
    for (int t : thresholds) {
      k += (t - 1 - rank) >>> 31;
    }
    return k;
  }

  /**
   * A keyed bijection of [0, BLOCK): three rounds of key addition, multiplication by an odd key
   * and an xor-shift, each a bijection modulo 2^BLOCK_BITS, with 20 bits of {@code h} per round.
   */
  private static int slot(int x, long h) {
    for (int r = 0; r < 3; r++) {
      long k = h >>> (20 * r);
      x = (x + (int) k) & MASK;
      x = (x * ((int) (k >>> BLOCK_BITS) | 1)) & MASK;
      x ^= x >>> (BLOCK_BITS / 2);
    }
    return x;
  }

  /** The most records {@code source} holds of one master. */
  int maxCopies(int source) {
    return perBlock[source].length - 1;
  }

  /**
   * Adds to {@code masters[k]} the masters of {@code [from, to)} that {@code source} holds k
   * records of: whole blocks by their counts, the rest one by one.
   */
  void count(long from, long to, int source, long[] masters) {
    long i = from;
    for (; i < to && (i & MASK) != 0; i++) {
      masters[copies(i, source)]++;
    }
    long blocks = (to - i) >>> BLOCK_BITS;
    for (int k = 0; k < perBlock[source].length; k++) {
      masters[k] += blocks * perBlock[source][k];
    }
    for (i += blocks << BLOCK_BITS; i < to; i++) {
      masters[copies(i, source)]++;
    }
  }

  /** Records of every source in one whole block. */
  long recordsPerBlock() {
    long n = 0;
    for (int[] counts : perBlock) {
      for (int k = 1; k < counts.length; k++) {
        n += (long) k * counts[k];
      }
    }
    return n;
  }

  /** Records of every source of master {@code index}. */
  int records(long index) {
    int n = 0;
    for (int s = 0; s < SOURCES; s++) {
      n += copies(index, s);
    }
    return n;
  }

  /**
   * The first master {@code end >= from} such that masters {@code [from, end]} hold at least
   * {@code n >= 1} records, and how many records {@code [from, end)} hold: {@code {end, before}}.
   * Whole blocks are skipped by arithmetic.
   */
  long[] reach(long from, long n) {
    long done = 0;
    long i = from;
    long perBlock = recordsPerBlock();
    while (true) {
      if ((i & MASK) == 0 && perBlock > 0 && n - done > perBlock) {
        long blocks = (n - done - 1) / perBlock;
        i += blocks << BLOCK_BITS;
        done += blocks * perBlock;
      }
      int r = records(i);
      if (done + r >= n) {
        return new long[] {i, done};
      }
      done += r;
      i++;
    }
  }
}
