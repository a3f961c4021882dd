package io.mdmgen.avro;

import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The change-event envelope of stream mode: what happened to one record, and the record after it
 * happened. One envelope per record schema ({@code CrmCustomer} → {@code CrmCustomerEvent}), all
 * with the same header fields, in this order:
 *
 * <ul>
 *   <li>{@code event_id}: "{seed}-{event_index}", unique per world and stable across reruns;
 *   <li>{@code event_index}: the event's position in the whole stream (all topics);
 *   <li>{@code op}: CREATE, UPDATE or DELETE;
 *   <li>{@code event_time}: when the event happens on the world clock (the as-of midnight +
 *       event_index / the scenario's world_events_per_second), the same at any send rate;
 *   <li>{@code source_system}: crm, erp, ecommerce, or mdm for the golden record;
 *   <li>{@code source_record_id}: the record's key (customer_id for golden records);
 *   <li>{@code sequence}: 1 for the create, then +1 per event of that record, without gaps;
 *   <li>{@code changed_fields}: record fields whose value differs from the previous event's (empty for a create);
 *   <li>{@code record}: the whole record after the change; for a DELETE the record as it was
 *       closed. A DELETE is followed by a tombstone (same key, null value).
 * </ul>
 */
public final class Envelope {
  public static final List<String> OPS = List.of("CREATE", "UPDATE", "DELETE");
  private static final Schema OP = SchemaBuilder.enumeration("Op").namespace("io.mdmgen.avro")
      .doc("What happened to the record.").symbols(OPS.toArray(String[]::new));

  private Envelope() {}

  /** The envelope schema for events about records of {@code record}. */
  public static Schema of(Schema record) {
    Schema millis = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record(record.getName() + "Event").namespace(record.getNamespace())
        .doc("A change to one " + record.getName() + " record (see io.mdmgen.avro.Envelope).")
        .fields()
        .requiredString("event_id")
        .requiredLong("event_index")
        .name("op").type(OP).noDefault()
        .name("event_time").type(millis).noDefault()
        .requiredString("source_system")
        .requiredString("source_record_id")
        .requiredLong("sequence")
        .name("changed_fields").type().array().items().stringType().noDefault()
        .name("record").type(record).noDefault()
        .endRecord();
  }
}
