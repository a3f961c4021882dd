package io.mdmgen.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemasTest {
  @Test
  void everySchemaParsesAsARecordInTheProjectNamespace() {
    for (Schemas s : Schemas.values()) {
      Schema schema = s.schema();
      assertEquals(Schema.Type.RECORD, schema.getType(), s.file());
      assertEquals("io.mdmgen.avro", schema.getNamespace(), s.file());
    }
  }

  @Test
  void sourceSchemasShareTheGoldenFieldsInTheSameOrderAfterTheirIds() {
    var golden = Schemas.CUSTOMER.schema().getFields();
    for (Schemas s : new Schemas[] {Schemas.CRM_CUSTOMER, Schemas.ERP_CUSTOMER, Schemas.ECOMMERCE_CUSTOMER}) {
      var fields = s.schema().getFields();
      assertEquals("source_record_id", fields.get(0).name());
      assertEquals("source_system", fields.get(1).name());
      assertEquals("customer_id", fields.get(2).name());
      assertTrue(fields.get(2).schema().isNullable(), "customer_id is optional in " + s.file());
      for (int i = 1; i < golden.size(); i++) {
        assertEquals(golden.get(i).name(), fields.get(i + 2).name(), s.file());
      }
    }
  }
}
