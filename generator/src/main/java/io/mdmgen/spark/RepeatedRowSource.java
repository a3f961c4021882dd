package io.mdmgen.spark;

import io.mdmgen.world.Extent;
import io.mdmgen.world.Table;
import io.mdmgen.world.TableCursor;
import io.mdmgen.world.WorldSpec;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The floor of Spark's row path, for the benchmark: a source shaped like {@link WorldSource}
 * (same schema, same partitions, same binary rows) whose tasks generate only their first
 * {@link #DISTINCT} rows and then hand those out in turn until the table's row count is reached.
 * What a sink does with it costs what Spark costs per row, with generation almost free.
 */
public final class RepeatedRowSource extends WorldSource {
  /** Rows generated per task: enough that reading them does not all hit one cache line. */
  static final int DISTINCT = 4096;
  private static final String ROWS = "rows";

  /** {@code rows} rows of {@code table} in {@code partitions} partitions, cycled as above. */
  public static Dataset<Row> read(SparkSession spark, Table table, WorldSpec spec, Extent extent,
      int partitions, long rows) {
    Map<String, String> options = new HashMap<>(
        new WorldScanOptions(table, spec, extent, partitions, false).toMap());
    options.put(ROWS, Long.toString(rows));
    return spark.read().format(RepeatedRowSource.class.getName()).options(options).load();
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table getTable(StructType schema,
      Transform[] partitioning, Map<String, String> properties) {
    return new RepeatedTable(WorldScanOptions.from(properties), schema,
        Long.parseLong(properties.get(ROWS)));
  }

  /** The world's table with its partitions and readers swapped for repeating ones. */
  private static final class RepeatedTable extends WorldSource.WorldTable {
    private final long rows;

    RepeatedTable(WorldScanOptions options, StructType schema, long rows) {
      super(options, schema);
      this.rows = rows;
    }

    @Override
    public String name() {
      return "mdmgen.repeated." + options.table().baseName();
    }

    @Override
    public InputPartition[] planInputPartitions() {
      var ranges = WorldSource.RowRange.split(options);
      InputPartition[] parts = new InputPartition[ranges.size()];
      for (int i = 0; i < parts.length; i++) {
        long count = rows * (i + 1) / parts.length - rows * i / parts.length;
        parts[i] = new Repeat(ranges.get(i), count);
      }
      return parts;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
      return new Readers(options, schema());
    }
  }

  private record Repeat(WorldSource.RowRange range, long count) implements InputPartition {}

  private record Readers(WorldScanOptions options, StructType schema)
      implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      return reader(options, schema, (Repeat) partition);
    }
  }

  private static PartitionReader<InternalRow> reader(WorldScanOptions options, StructType schema,
      Repeat partition) {
    TableCursor cursor = partition.range().cursor(options);
    UnsafeRowSink sink = new UnsafeRowSink(schema);
    UnsafeRow[] distinct = new UnsafeRow[DISTINCT];
    int size = 0;
    while (size < DISTINCT) {
      sink.start();
      if (!cursor.next(sink)) {
        break;
      }
      distinct[size++] = sink.row().copy();
    }
    int generated = size;
    return new PartitionReader<>() {
      private long left = partition.count();
      private int next = -1;

      @Override
      public boolean next() {
        if (left-- <= 0 || generated == 0) {
          return false;
        }
        next = next + 1 == generated ? 0 : next + 1;
        return true;
      }

      @Override
      public InternalRow get() {
        return distinct[next];
      }

      @Override
      public void close() {}
    };
  }
}
