package io.mdmgen.events;

import io.mdmgen.avro.Envelope;
import io.mdmgen.avro.Schemas;
import io.mdmgen.world.SourceSystem;
import org.apache.avro.Schema;

/** The topics of a stream, in the order the run reports them. */
public enum Topic {
  CUSTOMERS("customers", Schemas.CUSTOMER, null),
  CRM("crm.customers", Schemas.CRM_CUSTOMER, SourceSystem.CRM),
  ERP("erp.customers", Schemas.ERP_CUSTOMER, SourceSystem.ERP),
  ECOMMERCE("ecommerce.customers", Schemas.ECOMMERCE_CUSTOMER, SourceSystem.ECOMMERCE),
  MATCH_TRUTH("match_truth", Schemas.MATCH_TRUTH, null);

  /** values() without its copy per call: event code looks topics up by ordinal per event. */
  static final Topic[] ALL = values();

  private final String suffix;
  private final Schemas record;
  private final SourceSystem source;

  Topic(String suffix, Schemas record, SourceSystem source) {
    this.suffix = suffix;
    this.record = record;
    this.source = source;
  }

  /** The topic name under {@code prefix} (e.g. {@code mdm.} → {@code mdm.crm.customers}). */
  public String name(String prefix) {
    return prefix + suffix;
  }

  /** The record schema: what a change event carries, or the whole value for match_truth. */
  public Schema recordSchema() {
    return record.schema();
  }

  /** The value schema registered for the topic: change-event envelopes, plain truth records. */
  public Schema valueSchema() {
    return this == MATCH_TRUTH ? record.schema() : Envelope.of(record.schema());
  }

  /** The source system of the topic's records; null for golden records and the truth. */
  public SourceSystem source() {
    return source;
  }

  static Topic of(SourceSystem source) {
    return ALL[1 + source.ordinal()];
  }
}
