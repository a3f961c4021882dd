package io.mdmgen.spark;

import io.mdmgen.world.Census;
import io.mdmgen.world.Planner;
import io.mdmgen.world.WorldSpec;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** Counts chunks of masters as a Spark job, for runs too big to count on the driver. */
public final class SparkCensus implements Planner.ChunkCounter {
  private final SparkSession spark;

  public SparkCensus(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public List<Census> count(WorldSpec spec, long[] starts, long[] ends) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobDescription("mdmgen: count " + starts.length + " chunks of masters");
    List<Integer> chunks = IntStream.range(0, starts.length).boxed().toList();
    return jsc.parallelize(chunks, chunks.size())
        .map(i -> Census.of(spec.world(), starts[i], ends[i]))
        .collect();
  }
}
