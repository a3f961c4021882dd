package io.mdmgen.events;

import io.mdmgen.avro.Envelope;
import io.mdmgen.avro.Schemas;
import io.mdmgen.world.SourceSystem;
import org.apache.avro.Schema;

/**
 * The topics of a stream, in the order the run reports them: golden customers, one per
 * {@link SourceSystem} (derived from its definition), then the match truth.
 */
public final class Topic implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  public static final Topic CUSTOMERS = new Topic(0, "CUSTOMERS", "customers", Schemas.CUSTOMER, null);
  private static final SourceSystem[] SOURCES = SourceSystem.values();
  /** Every topic by ordinal, without a copy per call: event code looks topics up per event. */
  static final Topic[] ALL = new Topic[SOURCES.length + 2];
  public static final Topic MATCH_TRUTH;

  static {
    ALL[0] = CUSTOMERS;
    for (SourceSystem s : SOURCES) {
      ALL[1 + s.ordinal()] = new Topic(1 + s.ordinal(), s.name(), s.topic(), s.schema(), s);
    }
    MATCH_TRUTH = new Topic(ALL.length - 1, "MATCH_TRUTH", "match_truth", Schemas.MATCH_TRUTH, null);
    ALL[ALL.length - 1] = MATCH_TRUTH;
  }

  private final int ordinal;
  private final String label;
  private final String suffix;
  private final Schemas record;
  private final SourceSystem source;

  private Topic(int ordinal, String label, String suffix, Schemas record, SourceSystem source) {
    this.ordinal = ordinal;
    this.label = label;
    this.suffix = suffix;
    this.record = record;
    this.source = source;
  }

  /** Every topic, in report order. */
  public static Topic[] values() {
    return ALL.clone();
  }

  /** This topic's position in {@link #values()}. */
  public int ordinal() {
    return ordinal;
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

  public static Topic of(SourceSystem source) {
    return ALL[1 + source.ordinal()];
  }

  /** The one instance of this topic, also after deserialization: code compares them with ==. */
  private Object readResolve() {
    return ALL[ordinal];
  }

  @Override
  public String toString() {
    return label;
  }
}
