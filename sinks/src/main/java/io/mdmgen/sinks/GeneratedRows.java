package io.mdmgen.sinks;

import java.io.IOException;
import java.io.Serializable;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A table's rows, computed partition by partition from the partition number alone. A sink either
 * reads them as a Spark {@link Dataset}, or has its tasks write each partition straight into its
 * own {@link PartWriter} ({@link #write}), which skips Spark's row format and its serializers.
 */
public interface GeneratedRows extends Serializable {
  StructType schema();

  int partitions();

  /** The rows as Spark reads them. */
  Dataset<Row> dataset(SparkSession spark);

  /**
   * Writes the rows of {@code partition} to {@code out}; runs in a task. Throws
   * {@link IllegalArgumentException} for a kind of writer these rows cannot fill.
   */
  void write(int partition, PartWriter out) throws IOException;

  /** Runs {@code task} on every partition number, one Spark task each. */
  default void eachPartition(SparkSession spark, VoidFunction<Integer> task) {
    JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(IntStream.range(0, partitions()).boxed().toList(), Math.max(1, partitions()))
        .foreach(task);
  }
}
