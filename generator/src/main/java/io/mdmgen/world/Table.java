package io.mdmgen.world;

import io.mdmgen.avro.Schemas;

/** The tables (and, in stream mode, topics) of the world, each with its published schema. */
public enum Table {
  CUSTOMERS("customers", Schemas.CUSTOMER, null),
  CRM("raw_crm_customers", Schemas.CRM_CUSTOMER, SourceSystem.CRM),
  ERP("raw_erp_customers", Schemas.ERP_CUSTOMER, SourceSystem.ERP),
  ECOMMERCE("raw_ecommerce_customers", Schemas.ECOMMERCE_CUSTOMER, SourceSystem.ECOMMERCE),
  MATCH_TRUTH("match_truth", Schemas.MATCH_TRUTH, null);

  private final String baseName;
  private final Schemas schema;
  private final SourceSystem source;

  Table(String baseName, Schemas schema, SourceSystem source) {
    this.baseName = baseName;
    this.schema = schema;
    this.source = source;
  }

  /** The table name before any suffix. */
  public String baseName() {
    return baseName;
  }

  public Schemas schema() {
    return schema;
  }

  /** The source system whose records this table holds, or null for customers and match_truth. */
  public SourceSystem source() {
    return source;
  }

  public static Table of(SourceSystem source) {
    return switch (source) {
      case CRM -> CRM;
      case ERP -> ERP;
      case ECOMMERCE -> ECOMMERCE;
    };
  }

  /** The table with this base name; throws, naming the allowed names, for anything else. */
  public static Table named(String name) {
    for (Table t : values()) {
      if (t.baseName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown table '" + name + "'");
  }
}
