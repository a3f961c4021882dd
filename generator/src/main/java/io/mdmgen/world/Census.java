package io.mdmgen.world;

import java.io.Serializable;

/**
 * What a run holds, counted from the same decisions that generate it. The plan counts masters,
 * records and copies per source by the holdings' arithmetic ({@link #of}); the cursors that write
 * the rows tally how each record is varied and each hard negative ({@link TableCursor#tally}).
 * Mergeable, so the run adds the tasks' tallies to its plan.
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

  /**
   * The masters of {@code extent} and the records each source holds of them, with how many masters
   * hold how many: arithmetic on whole blocks of masters, so any extent is counted at once.
   */
  public static Census of(World world, Extent extent) {
    Census c = new Census();
    c.masters = extent.masters();
    if (extent.sourceMasters() == 0) {
      return c;
    }
    long last = extent.lastSourceMaster();
    for (SourceSystem source : SourceSystem.values()) {
      int s = source.ordinal();
      world.holdings().count(extent.firstMaster(), last, s, c.copies[s]);
      c.copies[s][extent.kept(world, last, source)]++;
      for (int k = 1; k < c.copies[s].length; k++) {
        c.records[s] += k * c.copies[s][k];
      }
    }
    return c;
  }

  /** Tallies one record of {@code source}, varied as {@code v}, as written. */
  void record(SourceSystem source, Variation v) {
    int s = source.ordinal();
    nameVaried[s] += v.nameKind() == Variation.NONE ? 0 : 1;
    domainChanged[s] += v.domainChanged() ? 1 : 0;
    for (int e = v.errors; e != 0; e &= e - 1) {
      errors[s][Integer.numberOfTrailingZeros(e)]++;
    }
    errorCounts[s][Integer.bitCount(v.errors)]++;
  }

  /** Tallies one row of hard_negatives. */
  void householdPair() {
    householdPairs++;
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

  public long masters() {
    return masters;
  }

  /** Pairs of customers who live together: the rows of hard_negatives, as tallied. */
  public long householdPairs() {
    return householdPairs;
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
