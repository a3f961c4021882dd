package io.mdmgen.spark;

import io.mdmgen.sinks.GeneratedRows;
import io.mdmgen.sinks.OrcPartFile;
import io.mdmgen.world.TableCursor;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** A scan of the world as {@link GeneratedRows}: partition {@code i} is the i-th master range. */
record WorldRows(WorldScanOptions options) implements GeneratedRows {
  @Override
  public StructType schema() {
    return SparkSchemas.of(options.table(), options.embedTruth());
  }

  @Override
  public int partitions() {
    return WorldSource.MasterRange.split(options).size();
  }

  @Override
  public Dataset<Row> dataset(SparkSession spark) {
    return WorldSource.read(spark, options);
  }

  @Override
  public void writeOrc(int partition, OrcPartFile out) throws IOException {
    List<WorldSource.MasterRange> ranges = WorldSource.MasterRange.split(options);
    TableCursor cursor = ranges.get(partition).cursor(options);
    OrcRowSink sink = new OrcRowSink(schema(), out.keepsBatches());
    while (true) {
      sink.at(out.batch());
      if (!cursor.next(sink)) {
        return;
      }
      out.endRow();
    }
  }
}
