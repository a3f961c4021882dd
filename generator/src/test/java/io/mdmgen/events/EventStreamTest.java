package io.mdmgen.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.world.Scenario;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.WorldSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventStreamTest {
  /** Short lags and lives, so that 60,000 events hold every kind of event on every topic. */
  static final String SCENARIO = """
      crm: {lag_seconds: 2}
      erp: {lag_seconds: 4}
      ecommerce: {lag_seconds: 1}
      stream: {life_span_seconds: 3, closure_rate: 0.3, life_events_per_customer: 4}
      """;
  /** The same with hot keys: a pool of 40 whose orders are 60 % of the shop's events. */
  static final String HOT = SCENARIO.replace("stream: {",
      "stream: {hot_keys: {customers: 40, share: 0.6, exponent: 1.0}, ");
  static final int[] IDS = {11, 12, 13, 14, 15};
  static final long EVENTS = 60_000;
  static StreamPlan plan;
  static List<Event> all;
  static final Map<String, StreamPlan> PLANS = new HashMap<>();
  static final Map<String, List<Event>> STREAMS = new HashMap<>();

  record Event(long n, Topic topic, EventKind kind, String key, byte[] value) {}

  @BeforeAll
  static void generate() {
    for (String world : List.of("plain", "hot")) {
      WorldSpec spec = new WorldSpec(7, WorldSpec.DEFAULT_AS_OF,
          Scenario.parse(world.equals("hot") ? HOT : SCENARIO));
      StreamPlan p = StreamPlan.of(spec, RateProfile.constant(5_000), false);
      PLANS.put(world, p);
      STREAMS.put(world, read(p, EventOffset.START, EVENTS, 0, 1));
    }
    plan = PLANS.get("plain");
    all = STREAMS.get("plain");
  }

  static List<Event> read(StreamPlan plan, EventOffset from, long end, int part, int parts) {
    EventCursor c = new EventCursor(plan.spec().world(), plan, IDS, from, end, part, parts);
    List<Event> out = new ArrayList<>();
    while (c.next()) {
      out.add(new Event(c.n(), c.topic(), c.kind(), new String(c.key(), StandardCharsets.UTF_8), c.value()));
    }
    return out;
  }

  static GenericRecord decode(Event e) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(e.value());
    assertEquals(0, b.get(), "magic byte");
    assertEquals(IDS[e.topic().ordinal()], b.getInt(), "schema id");
    Schema schema = e.topic().valueSchema();
    var decoder = DecoderFactory.get().binaryDecoder(e.value(), 5, e.value().length - 5, null);
    GenericRecord r = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
    assertTrue(decoder.isEnd(), "no bytes after the record");
    return r;
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "hot"})
  void everyValueDecodesWithPlainAvroAndEveryKindAppears(String world) throws IOException {
    List<Event> all = STREAMS.get(world);
    StreamPlan plan = PLANS.get(world);
    assertEquals(EVENTS, all.size());
    Map<Topic, Set<EventKind>> kinds = new HashMap<>();
    for (Event e : all) {
      kinds.computeIfAbsent(e.topic(), t -> new HashSet<>()).add(e.kind());
      if (e.kind() == EventKind.TOMBSTONE) {
        assertNull(e.value());
        continue;
      }
      GenericRecord r = decode(e);
      if (e.topic() != Topic.MATCH_TRUTH) {
        assertEquals("7-" + e.n(), r.get("event_id").toString());
        assertEquals(e.n(), r.get("event_index"));
        assertEquals(e.kind().name(), r.get("op").toString());
        assertEquals(plan.eventTimeMillis(e.n()), r.get("event_time") instanceof java.time.Instant i
            ? i.toEpochMilli() : (long) r.get("event_time"));
        assertEquals(e.key(), r.get("source_record_id").toString());
        GenericRecord rec = (GenericRecord) r.get("record");
        if (e.topic().source() != null) {
          assertNull(rec.get("customer_id"), "the truth is not embedded");
          assertEquals(e.topic().source().code(), r.get("source_system").toString());
        }
      }
    }
    for (Topic t : List.of(Topic.CUSTOMERS, Topic.of(SourceSystem.CRM), Topic.of(SourceSystem.ERP),
        Topic.of(SourceSystem.ECOMMERCE))) {
      assertEquals(Set.of(EventKind.values()).size() - 1, kinds.get(t).size(), t + " has " + kinds.get(t));
    }
    assertEquals(Set.of(EventKind.TRUTH), kinds.get(Topic.MATCH_TRUTH));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "hot"})
  void recordsHaveTruthGaplessSequencesAndTombstonesAfterDeletes(String world) throws IOException {
    List<Event> all = STREAMS.get(world);
    Set<String> truth = new HashSet<>();
    Map<String, Long> lastSequence = new HashMap<>();
    Event previous = null;
    for (Event e : all) {
      if (e.kind() == EventKind.TRUTH) {
        assertTrue(truth.add(e.key()), "one truth record per source record");
      } else if (e.kind() == EventKind.TOMBSTONE) {
        assertNotNull(previous);
        assertEquals(EventKind.DELETE, previous.kind());
        assertEquals(previous.key(), e.key());
        assertEquals(previous.topic(), e.topic());
      } else {
        GenericRecord r = decode(e);
        String id = e.topic() + "/" + e.key();
        long seq = (long) r.get("sequence");
        Long before = lastSequence.put(id, seq);
        if (e.kind() == EventKind.CREATE) {
          assertNull(before, id + " created twice");
          assertEquals(1, seq);
        } else {
          assertNotNull(before, id + " changed before its create");
          assertEquals(before + 1, seq, id + " sequence gap");
        }
      }
      previous = e;
    }
    for (Event e : all) {
      if (e.kind() == EventKind.CREATE && e.topic().source() != null) {
        assertTrue(truth.contains(e.key()), "truth for " + e.key());
      }
    }
  }

  /** Field values compared by content: decimals are byte buffers, whose text shows only their size. */
  private static boolean same(Object a, Object b) {
    return a instanceof ByteBuffer || b instanceof ByteBuffer ? java.util.Objects.equals(a, b)
        : java.util.Objects.equals(String.valueOf(a), String.valueOf(b));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "hot"})
  void changedFieldsAreExactlyTheFieldsThatDiffer(String world) throws IOException {
    List<Event> all = STREAMS.get(world);
    Map<String, GenericRecord> last = new HashMap<>();
    int updates = 0;
    int untouched = 0;
    for (Event e : all) {
      if (e.kind() == EventKind.TRUTH || e.kind() == EventKind.TOMBSTONE) {
        continue;
      }
      GenericRecord r = decode(e);
      GenericRecord rec = (GenericRecord) r.get("record");
      String id = e.topic() + "/" + e.key();
      GenericRecord before = last.put(id, rec);
      List<String> changed = new ArrayList<>();
      for (Object o : (List<?>) r.get("changed_fields")) {
        changed.add(o.toString());
      }
      if (before == null) {
        assertTrue(changed.isEmpty());
        continue;
      }
      updates++;
      List<String> differ = new ArrayList<>();
      for (Schema.Field f : rec.getSchema().getFields()) {
        if (!same(before.get(f.pos()), rec.get(f.pos()))) {
          differ.add(f.name());
        }
      }
      assertEquals(differ, changed, id + " at event " + e.n());
      if (changed.isEmpty()) {
        untouched++; // e.g. a new email reaching a record that holds none
      }
    }
    assertTrue(updates > 1_000, "updates seen: " + updates);
    assertTrue(untouched < updates / 10, untouched + " of " + updates + " updates change nothing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "hot"})
  void anySplitIntoTasksAndBatchesGivesTheSameEvents(String world) {
    List<Event> all = STREAMS.get(world);
    StreamPlan plan = PLANS.get(world);
    Timeline timeline = new Timeline(plan.spec().world(), plan);
    TreeMap<Long, Event> split = new TreeMap<>();
    long[] cuts = {0, 1, 777, 20_000, 20_001, 45_678, EVENTS};
    for (int c = 0; c + 1 < cuts.length; c++) {
      EventOffset from = timeline.locate(cuts[c]);
      for (int p = 0; p < 3; p++) {
        for (Event e : read(plan, from, cuts[c + 1], p, 3)) {
          assertNull(split.put(e.n(), e), "event " + e.n() + " twice");
        }
      }
    }
    assertEquals(EVENTS, split.size());
    for (Event e : all) {
      Event o = split.get(e.n());
      assertEquals(e.key(), o.key());
      assertEquals(e.topic(), o.topic());
      assertArrayEquals(e.value(), o.value(), "event " + e.n());
    }
  }

  @Test
  void offsetsRoundTripThroughJsonAndAdvanceAddsUp() {
    Timeline timeline = new Timeline(plan.spec().world(), plan);
    EventOffset a = timeline.locate(12_345);
    assertEquals(a, EventOffset.parse(a.json()));
    assertEquals(timeline.locate(30_000), timeline.advance(a, 30_000 - 12_345));
  }

  @Test
  void stoppingAtAStepEndSplitsNoCreateFromItsTruthAndNoDeleteFromItsTombstone() {
    Timeline timeline = new Timeline(plan.spec().world(), plan);
    int moved = 0;
    for (long n = 20_000; n < 20_400; n++) {
      EventOffset at = timeline.locate(n);
      EventOffset end = timeline.stepEnd(at);
      assertEquals(0, end.within(), "a step starts there");
      assertEquals(end, timeline.locate(end.n()));
      assertTrue(end.n() >= n && (at.within() == 0) == (end.n() == n));
      moved += end.n() > n ? 1 : 0;
      if (end.n() < EVENTS) {
        Event last = all.get((int) end.n() - 1);
        assertTrue(last.kind() != EventKind.CREATE || last.topic() == Topic.CUSTOMERS, "create without truth at " + n);
        assertTrue(last.kind() != EventKind.DELETE, "delete without tombstone at " + n);
      }
    }
    assertTrue(moved > 100, "most positions are inside a step: " + moved);
  }

  @Test
  void theRateSaysWhenEventsAreSentNotWhatTheyAre() {
    for (RateProfile other : List.of(RateProfile.constant(2_000), RateProfile.constant(10_000),
        RateProfile.ramp(50_000, 30))) {
      StreamPlan at = StreamPlan.of(plan.spec(), other, false);
      List<Event> events = read(at, EventOffset.START, EVENTS, 0, 1);
      assertEquals(all.size(), events.size());
      for (int i = 0; i < all.size(); i++) {
        assertEquals(all.get(i).key(), events.get(i).key(), "key of event " + i + " at " + other);
        assertArrayEquals(all.get(i).value(), events.get(i).value(), "event " + i + " at " + other);
      }
    }
  }

  @Test
  void theWorldClockSetsLagsAndEventTimes() {
    WorldSpec fast = new WorldSpec(7, WorldSpec.DEFAULT_AS_OF, Scenario.parse(
        SCENARIO.replace("stream: {", "stream: {world_events_per_second: 10000, ")));
    StreamPlan p = StreamPlan.of(fast, RateProfile.constant(5_000), false);
    assertEquals(plan.epochMillis() + 1_000, p.eventTimeMillis(10_000));
    assertEquals(plan.epochMillis() + 1_000, plan.eventTimeMillis(1_000));
    for (SourceSystem s : SourceSystem.values()) {
      assertEquals(10 * plan.lag(s), p.lag(s), 5, s + "'s lag in steps (each rounded to a step)");
    }
  }
}
