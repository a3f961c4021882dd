package io.mdmgen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.Table;
import java.util.Arrays;
import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkSchemasTest {
  /** Our own Avro → Spark mapping gives exactly the types spark-avro gives (same tables, same DDL). */
  @Test
  void columnsAreTheTypesSparkAvroDerives() {
    for (Table t : Table.values()) {
      StructType avro = (StructType) SchemaConverters.toSqlType(t.schema().schema()).dataType();
      assertEquals(avro, SparkSchemas.of(t, true), t.baseName());
    }
  }

  @Test
  void sourceTablesDropTheMasterIdUnlessTheTruthIsEmbedded() {
    for (Table t : new Table[] {Table.of(SourceSystem.CRM), Table.of(SourceSystem.ERP),
        Table.of(SourceSystem.ECOMMERCE)}) {
      assertFalse(Arrays.asList(SparkSchemas.of(t, false).fieldNames()).contains("customer_id"), t.baseName());
      assertEquals(SparkSchemas.of(t, true).size() - 1, SparkSchemas.of(t, false).size());
    }
    assertEquals(SparkSchemas.of(Table.CUSTOMERS, true), SparkSchemas.of(Table.CUSTOMERS, false));
  }
}
