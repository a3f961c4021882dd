package io.mdmgen.sinks.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rows encoded by hand read back with protobuf's own parser, against the descriptor we send. */
class ProtoRowTest {
  private static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("name", DataTypes.StringType, true),
      DataTypes.createStructField("orders", DataTypes.IntegerType, false),
      DataTypes.createStructField("born", DataTypes.DateType, true),
      DataTypes.createStructField("spent", DataTypes.createDecimalType(12, 2), false),
      DataTypes.createStructField("active", DataTypes.BooleanType, false)});

  private static Descriptor descriptor;

  /** The row message as protobuf itself builds it from the descriptor we send (built once). */
  private static synchronized Descriptor descriptor() throws Exception {
    if (descriptor == null) {
      FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("row.proto")
          .addMessageType(BigQueryTypes.descriptor(SCHEMA)).build();
      descriptor = FileDescriptor.buildFrom(file, new FileDescriptor[0])
          .findMessageTypeByName(BigQueryTypes.ROW_MESSAGE);
    }
    return descriptor;
  }

  private static DynamicMessage parse(ProtoRow row) throws Exception {
    byte[] bytes = java.util.Arrays.copyOf(row.bytes(), row.length());
    return DynamicMessage.parseFrom(descriptor(), bytes);
  }

  @Test
  void everyTypeReadsBackAsWritten() throws Exception {
    ProtoRow row = new ProtoRow().clear();
    byte[] name = "Zoë O'Brien".getBytes(StandardCharsets.UTF_8);
    row.string(1, name, 0, name.length);
    row.int64(2, 123_456);
    row.int32(3, -4_000); // before 1970: a negative varint
    row.decimal(4, 1_234_567_890_05L, 2);
    row.bool(5, true);
    DynamicMessage m = parse(row);
    Descriptor d = descriptor();
    assertEquals("Zoë O'Brien", m.getField(d.findFieldByName("name")));
    assertEquals(123_456L, m.getField(d.findFieldByName("orders")));
    assertEquals(-4_000, m.getField(d.findFieldByName("born")));
    assertEquals("1234567890.05", m.getField(d.findFieldByName("spent")));
    assertEquals(true, m.getField(d.findFieldByName("active")));
  }

  @Test
  void anAbsentFieldIsNullAndTheBufferIsReused() throws Exception {
    ProtoRow row = new ProtoRow();
    byte[] long1 = "x".repeat(2_000).getBytes(StandardCharsets.UTF_8); // grows the buffer
    row.clear().string(1, long1, 0, long1.length);
    row.clear().int64(2, 7);
    DynamicMessage m = parse(row);
    assertFalse(m.hasField(descriptor().findFieldByName("name")));
    assertEquals(7L, m.getField(descriptor().findFieldByName("orders")));
  }

  @ParameterizedTest
  @CsvSource({"0, 0.00", "5, 0.05", "-5, -0.05", "100, 1.00", "-123456, -1234.56", "99999999999, 999999999.99"})
  void decimalsAreTheirExactText(long cents, String text) throws Exception {
    ProtoRow row = new ProtoRow().clear();
    row.decimal(4, cents, 2);
    assertEquals(text, parse(row).getField(descriptor().findFieldByName("spent")));
  }

  @Test
  void columnTypesAreBigQuerysAndRequiredUnlessNullable() {
    List<Field> fields = BigQueryTypes.schema(SCHEMA).getFields();
    assertEquals(List.of(StandardSQLTypeName.STRING, StandardSQLTypeName.INT64, StandardSQLTypeName.DATE,
        StandardSQLTypeName.NUMERIC, StandardSQLTypeName.BOOL),
        fields.stream().map(f -> f.getType().getStandardType()).toList());
    assertEquals(List.of(Field.Mode.NULLABLE, Field.Mode.REQUIRED, Field.Mode.NULLABLE, Field.Mode.REQUIRED,
        Field.Mode.REQUIRED), fields.stream().map(Field::getMode).toList());
  }
}
