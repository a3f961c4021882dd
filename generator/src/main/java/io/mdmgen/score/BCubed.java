package io.mdmgen.score;

/**
 * B-cubed figures (Bagga and Baldwin): each record's precision is the share of its cluster that
 * is its customer, its recall the share of its customer that is in its cluster; both averaged
 * over records. The sums are over records; {@code records} divides them.
 */
public record BCubed(double precisionSum, double recallSum, long records) {
  public double precision() {
    return records == 0 ? Double.NaN : precisionSum / records;
  }

  public double recall() {
    return records == 0 ? Double.NaN : recallSum / records;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
