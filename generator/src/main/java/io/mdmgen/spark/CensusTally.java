package io.mdmgen.spark;

import io.mdmgen.world.Census;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.AccumulatorV2;

/**
 * The tallies of the cursors that wrote a run's rows (how each record is varied, the hard
 * negatives), added up on the driver from the tasks that succeeded: Spark counts each successful
 * task once, so a retried task is not counted twice.
 */
public final class CensusTally extends AccumulatorV2<Census, Census> {
  private Census value = new Census();
  private boolean zero = true;

  /** A tally registered with the session's context, ready to travel with the run's tasks. */
  public static CensusTally register(SparkSession spark) {
    CensusTally tally = new CensusTally();
    spark.sparkContext().register(tally, "mdmgen.census");
    return tally;
  }

  @Override
  public boolean isZero() {
    return zero;
  }

  @Override
  public CensusTally copy() {
    CensusTally c = new CensusTally();
    c.merge(this);
    return c;
  }

  @Override
  public void reset() {
    value = new Census();
    zero = true;
  }

  @Override
  public void add(Census census) {
    value.merge(census);
    zero = false;
  }

  @Override
  public void merge(AccumulatorV2<Census, Census> other) {
    add(other.value());
  }

  @Override
  public Census value() {
    return value;
  }
}
