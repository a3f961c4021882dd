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
}
