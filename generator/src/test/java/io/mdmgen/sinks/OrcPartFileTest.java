package io.mdmgen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.spark.CensusTally;
import io.mdmgen.spark.WorldSource;
import io.mdmgen.world.Column;
import io.mdmgen.world.Extent;
import io.mdmgen.world.RecordingSink;
import io.mdmgen.world.Scenario;
import io.mdmgen.world.Table;
import io.mdmgen.world.TableCursor;
import io.mdmgen.world.World;
import io.mdmgen.world.WorldSpec;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.Decimal64ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ORC path refers to the bytes the model composed instead of copying them: every value of
 * several batches, written to a file or kept in memory, must read back as the model made it.
 */
class OrcPartFileTest {
  private static final WorldSpec SPEC = new WorldSpec(5, WorldSpec.DEFAULT_AS_OF, Scenario.defaults());
  private static final World WORLD = SPEC.world();
  private static final long MASTERS = 4_000; // several 1,024-row batches of every table
  private static final Extent EXTENT = new Extent(0, MASTERS, MASTERS, 2);

  @TempDir
  Path dir;

  @ParameterizedTest
  @MethodSource("io.mdmgen.world.Table#values")
  void rowsWrittenToAFileReadBackAsTheModelMadeThem(Table table) throws IOException {
    GeneratedRows rows = WorldSource.rows(table, SPEC, EXTENT, 1, true, new CensusTally());
    long written = OrcPartFile.write(rows, 0, dir.toString(), "test", Map.of("orc.compress", "ZSTD"));
    File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(".orc"));
    assertEquals(1, files.length);
    List<VectorizedRowBatch> read = new ArrayList<>();
    Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(files[0].getPath()),
        OrcFile.readerOptions(new Configuration(false)));
    try (RecordReader records = reader.rows()) {
      VectorizedRowBatch b = reader.getSchema().createRowBatchV2();
      while (records.nextBatch(b)) {
        read.add(b);
        b = reader.getSchema().createRowBatchV2();
      }
    }
    assertEquals(written, assertSameRows(table, rows.schema(), read));
  }

  @ParameterizedTest
  @MethodSource("io.mdmgen.world.Table#values")
  void rowsKeptInMemoryKeepTheirOwnText(Table table) throws IOException {
    GeneratedRows rows = WorldSource.rows(table, SPEC, EXTENT, 1, true, new CensusTally());
    OrcPartFile part = OrcPartFile.inMemory(rows.schema());
    rows.write(0, part);
    part.close();
    assertSameRows(table, rows.schema(), part.kept());
  }

  /** Compares {@code batches} value by value with the model's rows; returns how many there were. */
  private static long assertSameRows(Table table, StructType schema, List<VectorizedRowBatch> batches) {
    assertTrue(batches.size() > (table == Table.HARD_NEGATIVES ? 0 : 2),
        table + ": only " + batches.size() + " batches");
    long[] span = TableCursor.span(WORLD, table, EXTENT);
    TableCursor cursor = new TableCursor(WORLD, table, EXTENT, span[0], span[1]);
    RecordingSink expected = new RecordingSink();
    long rows = 0;
    for (VectorizedRowBatch b : batches) {
      for (int r = 0; r < b.size; r++) {
        assertTrue(cursor.next(expected.clear()), table + ": more rows than the model has");
        for (int f = 0; f < schema.fields().length; f++) {
          String name = schema.fields()[f].name();
          Object want = expected.row.get(Column.named(name));
          Object got = value(b.cols[f], r, schema.fields()[f].dataType());
          assertEquals(want, got, table + " row " + rows + " " + name);
        }
        rows++;
      }
    }
    assertFalse(cursor.next(expected.clear()), table + ": fewer rows than the model has");
    return rows;
  }

  private static Object value(ColumnVector c, int at, org.apache.spark.sql.types.DataType type) {
    int row = c.isRepeating ? 0 : at;
    if (!c.noNulls && c.isNull[row]) {
      return null;
    }
    if (c instanceof BytesColumnVector s) {
      return new String(s.vector[row], s.start[row], s.length[row], StandardCharsets.UTF_8);
    }
    if (c instanceof Decimal64ColumnVector d) {
      return BigDecimal.valueOf(d.vector[row], ((DecimalType) type).scale());
    }
    long v = ((LongColumnVector) c).vector[row];
    if (type instanceof DateType) {
      return LocalDate.ofEpochDay(v);
    }
    if (type instanceof BooleanType) {
      return v != 0;
    }
    return (int) v;
  }
}
