package io.mdmgen.events;

import io.mdmgen.world.Column;
import io.mdmgen.world.Life;
import io.mdmgen.world.LifeEvent;
import io.mdmgen.world.Master;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.Utf8Buffer;
import io.mdmgen.world.Variation;
import io.mdmgen.world.World;
import java.nio.charset.StandardCharsets;

/**
 * Turns one event of a step into its Kafka key and Confluent-framed Avro value. A customer's
 * state at opportunity k is recomputed from the customer's index (its creation, then each life
 * event up to k), so any event can be encoded alone, in any task, in any order.
 */
final class EventEncoder {
  private static final Column[] COLUMNS = Column.values();
  private static final byte[][] COLUMN_NAMES = new byte[COLUMNS.length][];
  /** source_system of each topic's events: the source's code, mdm for golden records. */
  private static final byte[][] SYSTEM = new byte[Topic.values().length][];

  static {
    for (Column c : COLUMNS) {
      COLUMN_NAMES[c.ordinal()] = c.columnName().getBytes(StandardCharsets.US_ASCII);
    }
    for (Topic t : Topic.values()) {
      SYSTEM[t.ordinal()] = (t.source() == null ? "mdm" : t.source().code())
          .getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final World world;
  private final StreamPlan plan;
  private final int[] schemaIds;
  private final byte[] idPrefix;
  private final AvroRecordSink[] sinks = new AvroRecordSink[Topic.values().length];
  private final Master m = new Master();
  private final Variation v = new Variation();
  // The customer before the life event being encoded, for records whose errors respell fields.
  private final Master before = new Master();
  private final Variation vBefore = new Variation();
  private final ColumnDigests digestBefore = new ColumnDigests();
  private final ColumnDigests digestAfter = new ColumnDigests();
  private final Utf8Buffer digits = new Utf8Buffer();
  private final AvroWriter record = new AvroWriter();
  private final AvroWriter value = new AvroWriter();
  private AvroRecordSink keySink;

  // The customer state last computed: master index and opportunity, and what it changed.
  private long stateMaster = -1;
  private int stateChance = -1;
  private long stateStep = -1;
  private long sequence;
  private long changed;
  /** Orders the customer placed up to the event: they count in its first shop record's sequence. */
  private long orders;
  private final HotOrders hot;

  /** @param schemaIds the registry's id of each topic's value schema, by {@link Topic} ordinal */
  EventEncoder(World world, StreamPlan plan, HotOrders hot, int[] schemaIds) {
    this.world = world;
    this.plan = plan;
    this.hot = hot;
    this.schemaIds = schemaIds.clone();
    this.idPrefix = (plan.spec().seed() + "-").getBytes(StandardCharsets.US_ASCII);
    for (Topic t : Topic.values()) {
      Column key = t == Topic.CUSTOMERS ? Column.CUSTOMER_ID : Column.SOURCE_RECORD_ID;
      sinks[t.ordinal()] = new AvroRecordSink(t.recordSchema(), key,
          t.source() != null && !plan.embedTruth());
    }
  }

  /**
   * Encodes event {@code j} of {@code events}, which is event {@code n} of the stream. The key is
   * then {@link #key()}; the value {@link #value()}, or none for a tombstone.
   */
  void encode(StepEvents events, int j, long n) {
    byte kind = events.kind[j];
    Topic topic = Topic.ALL[events.topic[j]];
    long master = events.master[j];
    int copy = events.copy[j];
    AvroRecordSink sink = sinks[topic.ordinal()];
    keySink = sink;
    record.clear();
    sink.start(record);
    if (kind == StepEvents.TRUTH) {
      world.writeTruth(master, Topic.ALL[events.topic[j - 1]].source(), copy, sink);
    } else {
      state(master, events.chance[j], events.step - plan.lag(SourceSystem.ECOMMERCE));
      if (topic.source() == null) {
        world.writeMaster(m, sink);
      } else {
        world.vary(m, topic.source(), copy, v);
        world.writeSource(m, topic.source(), copy, v, sink);
      }
    }
    sink.finish();
    value.clear();
    if (kind == StepEvents.TOMBSTONE) {
      return;
    }
    value.confluentHeader(schemaIds[topic.ordinal()]);
    if (kind != StepEvents.TRUTH) {
      header(kind, topic, copy, n, sink);
    }
    value.raw(record.bytes(), 0, record.length());
  }

  private void header(byte op, Topic topic, int copy, long n, AvroRecordSink sink) {
    digits.clear();
    digits.append(idPrefix).appendDigits(n, 1);
    value.string(digits.bytes(), 0, digits.length());
    value.varlong(n);
    value.varlong(op); // Envelope.OPS: CREATE, UPDATE, DELETE
    value.varlong(plan.eventTimeMillis(n));
    SourceSystem source = topic.source();
    byte[] system = SYSTEM[topic.ordinal()];
    value.string(system, 0, system.length);
    value.string(record.bytes(), sink.keyAt(), sink.keyLength());
    value.varlong(source == SourceSystem.ECOMMERCE && copy == 0 ? sequence + orders : sequence);
    long fields = op == StepEvents.CREATE ? 0 : changed & sink.columns();
    if (source != null && v.missing() != null) {
      fields &= ~(1L << v.missing().ordinal());
    }
    if (source != null && op != StepEvents.CREATE) {
      world.vary(before, source, copy, vBefore);
      if (v.respells() || vBefore.respells() || v.staleAddress()) {
        // What the record shows may move (swapped names) or vanish (a cut, an address the
        // system never updated): compare the two.
        world.writeSource(before, source, copy, vBefore, digestBefore.clear());
        world.writeSource(m, source, copy, v, digestAfter.clear());
        fields = digestAfter.differences(digestBefore) & sink.columns();
      }
    }
    if (fields != 0) {
      value.varlong(Long.bitCount(fields));
      for (long f = fields; f != 0; f &= f - 1) { // lowest bit first: in column order
        byte[] name = COLUMN_NAMES[Long.numberOfTrailingZeros(f)];
        value.string(name, 0, name.length);
      }
    }
    value.varlong(0); // end of the array
  }

  /**
   * Computes customer {@code master} as it is after its life event at opportunity
   * {@code chance}, or after its order at step {@code orderStep} if {@code chance} is
   * {@link HotOrders#CHANCE}: its creation, each life event up to then and the orders before.
   */
  private void state(long master, int chance, long orderStep) {
    boolean order = chance == HotOrders.CHANCE;
    long step = order ? orderStep : master + chance * plan.spacing();
    if (master == stateMaster && chance == stateChance && step == stateStep) {
      return;
    }
    world.master(master, m);
    world.appear(m, plan.dayOf(master));
    long key = m.key();
    int rank = hot.rank(master);
    orders = rank < 0 ? 0 : hot.before(rank, step);
    world.ordered(m, orders);
    int closing = hot.closingChance(world, master, key);
    // An order comes after the life event of its step, if any.
    int last = order ? (int) Math.min(Life.OPPORTUNITIES, (step - master) / plan.spacing()) : chance;
    sequence = 1;
    changed = 0;
    for (int k = 1; k <= last; k++) {
      LifeEvent e = world.lifeEvent(key, k, closing);
      if (e != null) {
        if (k == chance) {
          before.copyFrom(m);
        }
        changed = world.live(m, e, k, plan.dayOf(master + k * plan.spacing()));
        sequence++;
      }
    }
    if (order) {
      before.copyFrom(m);
      world.ordered(m, ++orders);
      changed = World.ORDER_COLUMNS;
    }
    stateMaster = master;
    stateChance = chance;
    stateStep = step;
  }

  /** The key: the record's id as UTF-8. */
  byte[] key() {
    return java.util.Arrays.copyOfRange(record.bytes(), keySink.keyAt(),
        keySink.keyAt() + keySink.keyLength());
  }

  /** The value bytes, or null for a tombstone. */
  byte[] value() {
    return value.length() == 0 ? null : value.copy();
  }
}
