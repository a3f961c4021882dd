package io.mdmgen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.world.Column;
import io.mdmgen.world.Extent;
import io.mdmgen.world.RecordingSink;
import io.mdmgen.world.Scenario;
import io.mdmgen.world.Table;
import io.mdmgen.world.TableCursor;
import io.mdmgen.world.World;
import io.mdmgen.world.WorldSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rows UnsafeRowSink lays out itself read back as Spark's own writer would have built them. */
class UnsafeRowSinkTest {
  private static final World WORLD =
      new WorldSpec(3, WorldSpec.DEFAULT_AS_OF, Scenario.defaults()).world();
  private static final long MASTERS = 3_000;

  @ParameterizedTest
  @MethodSource("io.mdmgen.world.Table#values")
  void rowsMatchSparksLayoutWithZeroedPadding(Table table) {
    for (boolean embedTruth : new boolean[] {false, true}) {
      StructType schema = SparkSchemas.of(table, embedTruth);
      UnsafeProjection spark = UnsafeProjection.create(schema);
      Extent extent = new Extent(0, MASTERS, MASTERS, 3);
      long[] span = TableCursor.span(WORLD, table, extent);
      TableCursor ours = new TableCursor(WORLD, table, extent, span[0], span[1]);
      TableCursor values = new TableCursor(WORLD, table, extent, span[0], span[1]);
      UnsafeRowSink sink = new UnsafeRowSink(schema);
      RecordingSink recorded = new RecordingSink();
      int rows = 0;
      while (true) {
        sink.start();
        boolean more = ours.next(sink);
        assertEquals(more, values.next(recorded.clear()));
        if (!more) {
          break;
        }
        UnsafeRow row = sink.row();
        UnsafeRow expected = spark.apply(generic(schema, recorded));
        for (int i = 0; i < schema.fields().length; i++) {
          DataType type = schema.fields()[i].dataType();
          String where = table + " row " + rows + " field " + schema.fields()[i].name();
          assertEquals(expected.isNullAt(i), row.isNullAt(i), where);
          assertEquals(expected.get(i, type), row.get(i, type), where);
          if (row.isNullAt(i)) {
            assertEquals(0L, row.getLong(i), where + ": a null's slot is zero");
          } else if (type.typeName().equals("string")) {
            assertPaddingZero(row, i, where);
          }
        }
        rows++;
      }
      // A pair per two customers who live together: fewer rows than customers, but many.
      assertTrue(rows > (table == Table.HARD_NEGATIVES ? MASTERS / 10 : MASTERS / 2),
          table + ": only " + rows + " rows");
    }
  }

  /** The bytes after a string up to the next 8-byte word: zero, so equal rows have equal bytes. */
  private static void assertPaddingZero(UnsafeRow row, int field, String where) {
    long offsetAndSize = row.getLong(field);
    int offset = (int) (offsetAndSize >>> 32);
    int size = (int) offsetAndSize;
    for (int k = size; k % 8 != 0; k++) {
      byte b = Platform.getByte(row.getBaseObject(), row.getBaseOffset() + offset + k);
      assertEquals(0, b, where + ": padding byte " + k);
    }
  }

  private static InternalRow generic(StructType schema, RecordingSink recorded) {
    Object[] values = new Object[schema.fields().length];
    for (int i = 0; i < values.length; i++) {
      StructField f = schema.fields()[i];
      Object v = recorded.row.get(Column.named(f.name()));
      if (v instanceof String s) {
        values[i] = UTF8String.fromString(s);
      } else if (v instanceof LocalDate d) {
        values[i] = (int) d.toEpochDay();
      } else if (v instanceof BigDecimal d) {
        DecimalType t = (DecimalType) f.dataType();
        values[i] = org.apache.spark.sql.types.Decimal.apply(d, t.precision(), t.scale());
      } else {
        values[i] = v;
      }
    }
    return new GenericInternalRow(values);
  }
}
