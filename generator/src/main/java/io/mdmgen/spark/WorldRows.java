package io.mdmgen.spark;

import io.mdmgen.sinks.GeneratedRows;
import io.mdmgen.sinks.OrcPartFile;
import io.mdmgen.sinks.PartWriter;
import io.mdmgen.sinks.bigquery.ProtoRowWriter;
import io.mdmgen.world.TableCursor;
import java.io.IOException;
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
    return WorldSource.RowRange.split(options).size();
  }

  @Override
  public Dataset<Row> dataset(SparkSession spark) {
    return WorldSource.read(spark, options);
  }

  @Override
  public void write(int partition, PartWriter out) throws IOException {
    TableCursor cursor = WorldSource.RowRange.split(options).get(partition).cursor(options);
    if (out instanceof OrcPartFile orc) {
      writeOrc(cursor, orc);
    } else if (out instanceof ProtoRowWriter proto) {
      writeProto(cursor, proto);
    } else {
      throw new IllegalArgumentException("no world rows for a " + out.getClass().getSimpleName());
    }
  }

  private void writeProto(TableCursor cursor, ProtoRowWriter out) throws IOException {
    ProtoRowSink sink = new ProtoRowSink(schema());
    while (true) {
      sink.at(out.row());
      if (!cursor.next(sink)) {
        return;
      }
      out.endRow();
    }
  }

  private void writeOrc(TableCursor cursor, OrcPartFile out) throws IOException {
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
