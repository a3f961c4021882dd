package io.mdmgen.spark;

import io.mdmgen.sinks.GeneratedRows;
import io.mdmgen.sinks.NoopSink;
import io.mdmgen.sinks.OrcPartFile;
import io.mdmgen.sinks.PartWriter;
import io.mdmgen.sinks.bigquery.ProtoRowWriter;
import io.mdmgen.world.TableCursor;
import java.io.IOException;
import org.apache.spark.sql.types.StructType;

/**
 * A scan of the world as {@link GeneratedRows}: partition {@code i} is the i-th range of the
 * table's positions. Each task adds its cursor's tally to {@code tally}.
 */
record WorldRows(WorldScanOptions options, CensusTally tally) implements GeneratedRows {
  @Override
  public StructType schema() {
    return SparkSchemas.of(options.table(), options.embedTruth());
  }

  @Override
  public int partitions() {
    return WorldSource.RowRange.count(options);
  }

  @Override
  public void write(int partition, PartWriter out) throws IOException {
    TableCursor cursor = WorldSource.RowRange.of(options, partition).cursor(options);
    if (out instanceof OrcPartFile orc) {
      writeOrc(cursor, orc);
    } else if (out instanceof ProtoRowWriter proto) {
      writeProto(cursor, proto);
    } else if (out instanceof NoopSink.Discard discard) {
      discard(cursor, discard);
    } else {
      throw new IllegalArgumentException("no world rows for a " + out.getClass().getSimpleName());
    }
    tally.add(cursor.tally());
  }

  /** Builds each row as Spark would read it, and drops it. */
  private void discard(TableCursor cursor, NoopSink.Discard out) {
    UnsafeRowSink sink = new UnsafeRowSink(schema());
    while (true) {
      sink.start();
      if (!cursor.next(sink)) {
        return;
      }
      out.endRow();
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
