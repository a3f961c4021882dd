package io.mdmgen.spark;

import io.mdmgen.avro.ColumnType;
import io.mdmgen.world.Column;
import io.mdmgen.world.Table;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark schemas of the world's tables, derived from the Avro contract in {@code avro/} as
 * spark-avro's {@code SchemaConverters} derives them (a Spark distribution does not ship
 * spark-avro, so a job submitted to a cluster cannot count on it).
 */
public final class SparkSchemas {
  private SparkSchemas() {}

  /** The table's columns; source tables carry {@code customer_id} only when the truth is embedded. */
  public static StructType of(Table table, boolean embedTruth) {
    return new StructType(table.schema().schema().getFields().stream()
        .filter(f -> table.source() == null || embedTruth
            || !f.name().equals(Column.CUSTOMER_ID.columnName()))
        .map(SparkSchemas::field)
        .toArray(StructField[]::new));
  }

  private static StructField field(Schema.Field f) {
    ColumnType t = ColumnType.of(f);
    DataType type = switch (t.kind()) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case DECIMAL -> DataTypes.createDecimalType(t.precision(), t.scale());
    };
    return DataTypes.createStructField(f.name(), type, t.nullable());
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
