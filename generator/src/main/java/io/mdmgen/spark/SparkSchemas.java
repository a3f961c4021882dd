package io.mdmgen.spark;

import io.mdmgen.world.Column;
import io.mdmgen.world.Table;
import java.util.Arrays;
import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark schemas of the world's tables, derived from the Avro contract in {@code avro/}. */
public final class SparkSchemas {
  private SparkSchemas() {}

  /** The table's columns; source tables carry {@code customer_id} only when the truth is embedded. */
  public static StructType of(Table table, boolean embedTruth) {
    StructType full = (StructType) SchemaConverters.toSqlType(table.schema().schema()).dataType();
    if (table.source() == null || embedTruth) {
      return full;
    }
    return new StructType(Arrays.stream(full.fields())
        .filter(f -> !f.name().equals(Column.CUSTOMER_ID.columnName()))
        .toArray(StructField[]::new));
  }

  /** For each world {@link Column} (by ordinal), its position in {@code schema}, or -1. */
  static int[] positions(StructType schema) {
    int[] position = new int[Column.values().length];
    Arrays.fill(position, -1);
    for (int i = 0; i < schema.fields().length; i++) {
      position[Column.named(schema.fields()[i].name()).ordinal()] = i;
    }
    return position;
  }
}
