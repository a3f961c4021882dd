package io.mdmgen.spark;

import io.mdmgen.sinks.GeneratedRows;
import io.mdmgen.world.Extent;
import io.mdmgen.world.Table;
import io.mdmgen.world.TableCursor;
import io.mdmgen.world.WorldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A Spark data source whose rows are the world: each partition is a range of master indexes and
 * computes its rows from them alone, so generation needs no shuffle, no driver-side data and no
 * join, and any partitioning gives the same rows.
 */
public class WorldSource implements TableProvider {

  /** The rows of {@code table} in {@code extent} of the world of {@code spec}. */
  public static Dataset<Row> read(SparkSession spark, Table table, WorldSpec spec, Extent extent,
      int partitions, boolean embedTruth) {
    return read(spark, new WorldScanOptions(table, spec, extent, partitions, embedTruth));
  }

  static Dataset<Row> read(SparkSession spark, WorldScanOptions options) {
    return spark.read().format(WorldSource.class.getName()).options(options.toMap()).load();
  }

  /**
   * The same rows, for sinks that write them partition by partition; the tasks add how they
   * varied the records to {@code tally}.
   */
  public static GeneratedRows rows(Table table, WorldSpec spec, Extent extent, int partitions,
      boolean embedTruth, CensusTally tally) {
    return new WorldRows(new WorldScanOptions(table, spec, extent, partitions, embedTruth), tally);
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    WorldScanOptions o = WorldScanOptions.from(options);
    return SparkSchemas.of(o.table(), o.embedTruth());
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table getTable(StructType schema,
      Transform[] partitioning, Map<String, String> properties) {
    return new WorldTable(WorldScanOptions.from(properties), schema);
  }

  /** The table, its scan and its batch in one: a scan of the world has nothing to push down. */
  static class WorldTable implements SupportsRead, ScanBuilder, Scan, Batch {
    final WorldScanOptions options;
    private final StructType schema;

    WorldTable(WorldScanOptions options, StructType schema) {
      this.options = options;
      this.schema = schema;
    }

    @Override
    public String name() {
      return "mdmgen." + options.table().baseName();
    }

    @Override
    public StructType schema() {
      return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
      return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
      return this;
    }

    @Override
    public Scan build() {
      return this;
    }

    @Override
    public StructType readSchema() {
      return schema;
    }

    @Override
    public Batch toBatch() {
      return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
      return RowRange.split(options).toArray(InputPartition[]::new);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
      return new ReaderFactory(options, schema);
    }
  }

  /** The rows at positions {@code [from, to)} of the table's {@link TableCursor#span}. */
  record RowRange(long from, long to) implements InputPartition {
    /** The scan's positions in at most {@code options.partitions()} ranges of equal size. */
    static List<RowRange> split(WorldScanOptions options) {
      List<RowRange> parts = new ArrayList<>();
      for (int i = 0, p = count(options); i < p; i++) {
        parts.add(of(options, i));
      }
      return parts;
    }

    /** How many ranges {@link #split} gives. */
    static int count(WorldScanOptions options) {
      long[] span = TableCursor.span(options.spec().world(), options.table(), options.extent());
      return (int) Math.max(1, Math.min(options.partitions(), span[1] - span[0]));
    }

    /** Range {@code i} of {@link #split}, without the others. */
    static RowRange of(WorldScanOptions options, int i) {
      long[] span = TableCursor.span(options.spec().world(), options.table(), options.extent());
      long n = Math.max(0, span[1] - span[0]);
      long p = count(options);
      // n * i can pass 2^63 at a trillion rows: multiply in 128 bits.
      return new RowRange(span[0] + scaled(n, i, p), span[0] + scaled(n, i + 1, p));
    }

    private static long scaled(long n, long i, long p) {
      return java.math.BigInteger.valueOf(n).multiply(java.math.BigInteger.valueOf(i))
          .divide(java.math.BigInteger.valueOf(p)).longValueExact();
    }

    TableCursor cursor(WorldScanOptions options) {
      return new TableCursor(options.spec().world(), options.table(), options.extent(), from, to);
    }
  }

  private record ReaderFactory(WorldScanOptions options, StructType schema)
      implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      TableCursor cursor = ((RowRange) partition).cursor(options);
      UnsafeRowSink sink = new UnsafeRowSink(schema);
      return new PartitionReader<>() {
        @Override
        public boolean next() {
          sink.start();
          return cursor.next(sink);
        }

        @Override
        public InternalRow get() {
          return sink.row();
        }

        @Override
        public void close() {}
      };
    }
  }
}
