package io.mdmgen.sinks;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A table's rows, computed partition by partition from the partition number alone. A sink has its
 * tasks write each partition straight into its own {@link PartWriter} ({@link #write}), which
 * skips Spark's row format and its serializers.
 */
public interface GeneratedRows extends Serializable {
  StructType schema();

  int partitions();

  /**
   * Writes the rows of {@code partition} to {@code out}; runs in a task. Throws
   * {@link IllegalArgumentException} for a kind of writer these rows cannot fill.
   */
  void write(int partition, PartWriter out) throws IOException;

  /** Runs {@code task} on every partition number, one Spark task each. */
  default void eachPartition(SparkSession spark, VoidFunction<Integer> task) {
    partitionNumbers(spark).foreach(task);
  }

  /** Runs {@code task} on every partition number, one Spark task each; returns their results. */
  default <T> List<T> mapPartitions(SparkSession spark, Function<Integer, T> task) {
    return partitionNumbers(spark).map(task).collect();
  }

  private JavaRDD<Integer> partitionNumbers(SparkSession spark) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(IntStream.range(0, partitions()).boxed().toList(), Math.max(1, partitions()));
  }
}
