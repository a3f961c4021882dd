package io.mdmgen.world;

import java.io.Serializable;

/**
 * What a range of the world holds, counted from the same decisions that generate it: masters,
 * records and copies per source, and how many records carry each kind of variation. Mergeable, so
 * ranges can be counted in parallel.
 */
public final class Census implements Serializable {
  private static final int SOURCES = SourceSystem.values().length;

  private long masters;
  private long householdPairs;
  private final long[][] copies = new long[SOURCES][SourceRates.MAX_COPIES + 1];
  private final long[] records = new long[SOURCES];
  private final long[] nameVaried = new long[SOURCES];
  private final long[] domainChanged = new long[SOURCES];
  private final long[][] errors = new long[SOURCES][Corruption.Kind.values().length];
  private final long[][] errorCounts = new long[SOURCES][Corruption.Kind.values().length + 1];

  /** Counts master {@code index}, keeping at most {@code keep} of its records (in source order). */
  public void count(World world, long index, long keep, Master m, Variation v) {
    masters++;
    householdPairs += world.householdPosition(index);
    long key = world.masterKey(index);
    long left = keep;
    boolean loaded = false;
    for (SourceSystem source : SourceSystem.values()) {
      int s = source.ordinal();
      int n = (int) Math.min(world.copies(key, source), Math.max(0, left));
      left -= n;
      copies[s][n]++;
      records[s] += n;
      for (int c = 0; c < n; c++) {
        if (!loaded) {
          world.master(index, m);
          loaded = true;
        }
        world.vary(m, source, c, v);
        nameVaried[s] += v.nameKind() == Variation.NONE ? 0 : 1;
        domainChanged[s] += v.domainChanged() ? 1 : 0;
        for (int e = v.errors; e != 0; e &= e - 1) {
          errors[s][Integer.numberOfTrailingZeros(e)]++;
        }
        errorCounts[s][Integer.bitCount(v.errors)]++;
      }
    }
  }

  /** Counts masters {@code [from, to)} with all their records. */
  public static Census of(World world, long from, long to) {
    Census c = new Census();
    Master m = new Master();
    Variation v = new Variation();
    for (long i = from; i < to; i++) {
      c.count(world, i, Long.MAX_VALUE, m, v);
    }
    return c;
  }

  public Census merge(Census o) {
    masters += o.masters;
    householdPairs += o.householdPairs;
    for (int s = 0; s < SOURCES; s++) {
      for (int k = 0; k <= SourceRates.MAX_COPIES; k++) {
        copies[s][k] += o.copies[s][k];
      }
      records[s] += o.records[s];
      nameVaried[s] += o.nameVaried[s];
      domainChanged[s] += o.domainChanged[s];
      for (int e = 0; e < errors[s].length; e++) {
        errors[s][e] += o.errors[s][e];
      }
      for (int e = 0; e < errorCounts[s].length; e++) {
        errorCounts[s][e] += o.errorCounts[s][e];
      }
    }
    return this;
  }

  void setMasters(long masters) {
    this.masters = masters;
  }

  public long masters() {
    return masters;
  }

  /** Pairs of customers who live together: the rows of hard_negatives. */
  public long householdPairs() {
    return householdPairs;
  }

  void addHouseholdPairs(long pairs) {
    householdPairs += pairs;
  }

  public long records() {
    long sum = 0;
    for (long r : records) {
      sum += r;
    }
    return sum;
  }

  public long records(SourceSystem s) {
    return records[s.ordinal()];
  }

  /** Masters holding exactly {@code n} records of {@code s}. */
  public long mastersWithCopies(SourceSystem s, int n) {
    return copies[s.ordinal()][n];
  }

  /** Masters holding at least one record of {@code s}. */
  public long covered(SourceSystem s) {
    long covered = 0;
    for (int n = 1; n <= SourceRates.MAX_COPIES; n++) {
      covered += copies[s.ordinal()][n];
    }
    return covered;
  }

  public long nameVaried(SourceSystem s) {
    return nameVaried[s.ordinal()];
  }

  public long domainChanged(SourceSystem s) {
    return domainChanged[s.ordinal()];
  }

  /** Records of {@code s} that carry an error of kind {@code k}, where it can be seen. */
  public long errors(SourceSystem s, Corruption.Kind k) {
    return errors[s.ordinal()][k.ordinal()];
  }

  /** Records of {@code s} with each number of errors: [0] none, [1] one... */
  public long[] errorsPerRecord(SourceSystem s) {
    return errorCounts[s.ordinal()].clone();
  }
}
