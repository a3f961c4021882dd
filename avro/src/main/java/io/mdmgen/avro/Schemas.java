package io.mdmgen.avro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/** The published record schemas, read from the {@code .avsc} files packaged with this module. */
public enum Schemas {
  CUSTOMER("customer.avsc"),
  CRM_CUSTOMER("crm_customer.avsc"),
  ERP_CUSTOMER("erp_customer.avsc"),
  ECOMMERCE_CUSTOMER("ecommerce_customer.avsc"),
  MATCH_TRUTH("match_truth.avsc"),
  HARD_NEGATIVE("hard_negative.avsc");

  private final String file;
  private volatile Schema schema;

  Schemas(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /** The schema as published: the exact JSON text of the file, parsed. */
  public Schema schema() {
    Schema s = schema;
    if (s == null) {
      try (InputStream in = Schemas.class.getResourceAsStream("/avro/" + file)) {
        if (in == null) {
          throw new IllegalStateException("schema /avro/" + file + " is not on the classpath");
        }
        s = new Schema.Parser().parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read /avro/" + file, e);
      }
      schema = s;
    }
    return s;
  }
}
