package io.mdmgen.sinks.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * BigQuery's types for a table's columns (which come from the Avro schemas): STRING, INT64,
 * BOOL, DATE, NUMERIC; REQUIRED where the Avro type is not nullable. Rows go to the Storage
 * Write API as protobuf messages whose field {@code i + 1} is column {@code i}: strings as
 * strings, integers as int64, dates as int32 days since 1970-01-01, booleans as bool, and
 * decimals as their decimal text ("123.45"), which BigQuery parses into NUMERIC exactly.
 */
public final class BigQueryTypes {
  /** The protobuf message name of a row. */
  static final String ROW_MESSAGE = "MdmgenRow";

  private BigQueryTypes() {}

  public static Schema schema(StructType columns) {
    List<Field> fields = new ArrayList<>();
    for (StructField f : columns.fields()) {
      fields.add(Field.newBuilder(f.name(), type(f.name(), f.dataType()))
          .setMode(f.nullable() ? Field.Mode.NULLABLE : Field.Mode.REQUIRED).build());
    }
    return Schema.of(fields);
  }

  static StandardSQLTypeName type(String column, DataType t) {
    if (t instanceof StringType) {
      return StandardSQLTypeName.STRING;
    } else if (t instanceof IntegerType || t instanceof LongType) {
      return StandardSQLTypeName.INT64;
    } else if (t instanceof BooleanType) {
      return StandardSQLTypeName.BOOL;
    } else if (t instanceof DateType) {
      return StandardSQLTypeName.DATE;
    } else if (t instanceof DecimalType d && d.precision() - d.scale() <= 29 && d.scale() <= 9) {
      return StandardSQLTypeName.NUMERIC;
    }
    throw new IllegalArgumentException("column " + column + ": no BigQuery type for " + t.sql());
  }

  /** The protobuf descriptor of a row of {@code columns} (proto2: an absent field is NULL). */
  public static DescriptorProto descriptor(StructType columns) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(ROW_MESSAGE);
    StructField[] fields = columns.fields();
    for (int i = 0; i < fields.length; i++) {
      message.addField(FieldDescriptorProto.newBuilder()
          .setName(fields[i].name())
          .setNumber(i + 1)
          .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
          .setType(protoType(fields[i].name(), fields[i].dataType())));
    }
    return message.build();
  }

  private static FieldDescriptorProto.Type protoType(String column, DataType t) {
    return switch (type(column, t)) {
      case STRING, NUMERIC -> FieldDescriptorProto.Type.TYPE_STRING;
      case INT64 -> FieldDescriptorProto.Type.TYPE_INT64;
      case BOOL -> FieldDescriptorProto.Type.TYPE_BOOL;
      case DATE -> FieldDescriptorProto.Type.TYPE_INT32;
      default -> throw new IllegalArgumentException("column " + column + ": " + t.sql());
    };
  }
}
