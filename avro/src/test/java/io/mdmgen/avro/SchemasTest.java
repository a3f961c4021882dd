package io.mdmgen.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemasTest {
  /** Facts of the golden record that no source holds as such (they show in names, or are truth). */
  static final java.util.Set<String> GOLDEN_ONLY = java.util.Set.of("middle_name", "name_suffix",
      "household_id");

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
    var golden = Schemas.CUSTOMER.schema().getFields().stream().map(Schema.Field::name).toList();
    for (Schemas s : new Schemas[] {Schemas.CRM_CUSTOMER, Schemas.ERP_CUSTOMER, Schemas.ECOMMERCE_CUSTOMER}) {
      var fields = s.schema().getFields();
      assertEquals("source_record_id", fields.get(0).name());
      assertEquals("source_system", fields.get(1).name());
      assertEquals("customer_id", fields.get(2).name());
      assertTrue(fields.get(2).schema().isNullable(), "customer_id is optional in " + s.file());
      // The golden fields a system holds (ERP is told no income), in the golden order.
      var shared = golden.stream().skip(1)
          .filter(f -> !(s == Schemas.ERP_CUSTOMER && f.equals("annual_income")))
          .filter(f -> !GOLDEN_ONLY.contains(f)).toList();
      for (int i = 0; i < shared.size(); i++) {
        assertEquals(shared.get(i), fields.get(i + 3).name(), s.file());
      }
    }
  }
}
