package io.mdmgen.score;

/**
 * Pairwise figures from three pair counts: record pairs a matcher put in one cluster
 * ({@code predicted}), pairs that are one customer ({@code truth}) and pairs that are both
 * ({@code correct}). A figure with nothing to count (precision without predicted pairs, recall
 * without true pairs) is NaN: undefined, not perfect.
 */
public record PairCounts(long correct, long predicted, long truth) {
  public PairCounts {
    if (correct < 0 || correct > predicted || correct > truth) {
      throw new IllegalArgumentException("pair counts " + correct + " of " + predicted + " predicted and "
          + truth + " true pairs");
    }
  }

  /** Pairs among {@code n} records. */
  public static long among(long n) {
    return n * (n - 1) / 2;
  }

  public double precision() {
    return predicted == 0 ? Double.NaN : (double) correct / predicted;
  }

  public double recall() {
    return truth == 0 ? Double.NaN : (double) correct / truth;
  }

  /** 2PR / (P + R), written so that it is 0, not undefined, when a matcher predicts no pairs. */
  public double f1() {
    return predicted + truth == 0 ? Double.NaN : 2.0 * correct / (predicted + truth);
  }

  /** Predicted pairs of two different customers. */
  public long falseMerges() {
    return predicted - correct;
  }

  /** True pairs the matcher kept apart. */
  public long missed() {
    return truth - correct;
  }
}
