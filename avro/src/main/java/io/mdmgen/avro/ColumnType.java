package io.mdmgen.avro;

import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The column types a table takes from its Avro schema: what each engine (Spark and Hive, BigQuery)
 * maps to its own types, so every sink's columns come from the one contract in {@code avro/}.
 *
 * @param kind the value's type
 * @param precision digits of a decimal (0 otherwise)
 * @param scale digits after the point of a decimal (0 otherwise)
 * @param nullable whether the Avro type is a union with {@code null}
 */
public record ColumnType(Kind kind, int precision, int scale, boolean nullable) {
  /** The value types the schemas use. */
  public enum Kind { STRING, INT, LONG, BOOLEAN, DATE, DECIMAL }

  /** The type of {@code field}; throws, naming the field, for a type no table column has. */
  public static ColumnType of(Schema.Field field) {
    Schema s = field.schema();
    boolean nullable = false;
    if (s.getType() == Schema.Type.UNION) {
      List<Schema> branches = s.getTypes();
      if (branches.size() != 2 || branches.stream().noneMatch(b -> b.getType() == Schema.Type.NULL)) {
        throw unsupported(field);
      }
      nullable = true;
      s = branches.get(0).getType() == Schema.Type.NULL ? branches.get(1) : branches.get(0);
    }
    LogicalType logical = s.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal d) {
      return new ColumnType(Kind.DECIMAL, d.getPrecision(), d.getScale(), nullable);
    }
    if (logical instanceof LogicalTypes.Date) {
      return new ColumnType(Kind.DATE, 0, 0, nullable);
    }
    if (logical != null) {
      throw unsupported(field);
    }
    Kind kind = switch (s.getType()) {
      case STRING -> Kind.STRING;
      case INT -> Kind.INT;
      case LONG -> Kind.LONG;
      case BOOLEAN -> Kind.BOOLEAN;
      default -> throw unsupported(field);
    };
    return new ColumnType(kind, 0, 0, nullable);
  }

  private static IllegalArgumentException unsupported(Schema.Field field) {
    return new IllegalArgumentException("field " + field.name() + ": type " + field.schema()
        + " is not a table column type (string, int, long, boolean, date, decimal, or one of them"
        + " with null)");
  }
}
