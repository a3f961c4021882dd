package io.mdmgen.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdmgen.cli.Cli;
import io.mdmgen.events.Topic;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Stream runs against a real KRaft broker and a real (Apicurio) schema registry. */
class StreamIT {
  /** More events than one world step can hold: a stop never splits a step. */
  private static final long ONE_STEP = 250;
  @TempDir static Path work;

  @Test
  void holdsFiveThousandPerSecondForAMinuteAndEveryRecordDecodes() throws Exception {
    Path dir = work.resolve("rate");
    Cli.Result r = StreamSandbox.stream(dir, "--events-per-second", "5000", "--duration", "60s",
        "--scenario", StreamSandbox.FAST_DEMO.toString(), "--topic-prefix", "rate.");
    assertEquals(0, r.exit(), r.stdout() + r.stderr());
    JsonNode report = new ObjectMapper().readTree(dir.resolve("stream-report.json").toFile());
    long events = report.get("events").asLong();
    assertTrue(events >= 300_000 && events < 300_000 + ONE_STEP, "events " + events);
    assertEquals(events, report.get("next_event_index").asLong());
    assertEquals(events, report.get("acknowledged_events").asLong(), "Kafka acknowledged every event");
    assertEquals(5000, report.get("acknowledged_per_second").asDouble(), 250);
    // Pacing: a loose guard against regressions (the first seconds catch up while the JIT warms
    // up, on a machine that also runs the broker and the registry); BENCHMARKS.md has the figures.
    for (String w : new String[] {"lowest", "highest"}) {
      double dev = report.at("/worst_10_second_windows/" + w + "/deviation").asDouble();
      assertTrue(Math.abs(dev) < 0.10, w + " 10-second window off by " + dev);
    }

    // Confluent's own deserializer (Python client) reads every record and checks the promises:
    // truth for every created record, gapless sequences, tombstones after deletes, the rate.
    StreamSandbox.Verified v = StreamSandbox.verify(dir, "rate.", "--expect-rate", "5000",
        "--tolerance", "0.01");
    assertEquals(0, v.exit(), v.summary().toPrettyString() + v.stderr());
    assertEquals(events, v.summary().get("records").asLong());

    // And a plain Avro reader, after checking the five-byte Confluent header.
    long decoded = 0;
    for (Topic t : Topic.values()) {
      long inTopic = 0;
      for (ConsumerRecord<byte[], byte[]> rec : StreamSandbox.readAll(t.name("rate."))) {
        inTopic++;
        if (rec.value() == null) {
          continue; // a tombstone
        }
        ByteBuffer b = ByteBuffer.wrap(rec.value());
        assertEquals(0, b.get(), "magic byte");
        Schema schema = StreamSandbox.schema(b.getInt());
        BinaryDecoder d = DecoderFactory.get().binaryDecoder(rec.value(), 5, rec.value().length - 5, null);
        GenericRecord value = new GenericDatumReader<GenericRecord>(schema).read(null, d);
        assertTrue(d.isEnd(), "trailing bytes in " + t);
        String key = new String(rec.key(), java.nio.charset.StandardCharsets.UTF_8);
        String id = t == Topic.MATCH_TRUTH ? value.get("source_record_id").toString()
            : value.get("source_record_id").toString();
        assertEquals(key, id, "key is the record id");
        decoded++;
      }
      assertTrue(inTopic > 1_000, t + " has only " + inTopic + " records");
      assertEquals(report.at("/topics/" + t.name("rate.") + "/events").asLong(), inTopic, t.name("rate."));
    }
    assertTrue(decoded > 290_000, "decoded " + decoded);
  }

  /** Each schedule kind, measured by arrival time by Confluent's Python client, window by window. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "steps:2000@20s,6000@20s|  |45s",
    "spike:3x@20s/40s|2000|60s",
    "diurnal:6000/2000@60s|  |40s",
  })
  void everyScheduleHoldsItsPlanWindowByWindow(String profile, String base, String duration)
      throws Exception {
    String prefix = "schedule-" + profile.substring(0, profile.indexOf(':')) + ".";
    Path dir = work.resolve(prefix);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--rate-profile",
        profile, "--duration", duration, "--scenario", StreamSandbox.FAST_DEMO.toString(),
        "--topic-prefix", prefix));
    java.util.List<String> check = new java.util.ArrayList<>(java.util.List.of(
        "--expect-profile", profile, "--window-tolerance", "0.02"));
    if (base != null) {
      args.addAll(java.util.List.of("--events-per-second", base));
      check.addAll(java.util.List.of("--base-rate", base));
    }
    Cli.Result r = StreamSandbox.stream(dir, args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.stdout() + r.stderr());
    StreamSandbox.Verified v = StreamSandbox.verify(dir, prefix, check.toArray(String[]::new));
    assertEquals(0, v.exit(), v.summary().toPrettyString() + v.stderr());
    assertTrue(v.summary().get("schedule_windows").asInt() >= 2, v.summary().toPrettyString());
  }

  @Test
  void aTargetBeyondAnyMachineRunsAsFastAsItCanAndStopsOnTime() throws Exception {
    Path dir = work.resolve("beyond");
    Cli.Result r = StreamSandbox.stream(dir, "--events-per-second", "1e30", "--duration", "5s",
        "--scenario", StreamSandbox.FAST_DEMO.toString(), "--topic-prefix", "beyond.");
    assertEquals(0, r.exit(), r.stdout() + r.stderr());
    assertTrue(r.stdout().contains("as fast as it could go"), r.stdout());
    JsonNode report = new ObjectMapper().readTree(dir.resolve("stream-report.json").toFile());
    double seconds = report.get("seconds").asDouble();
    assertTrue(seconds < 10, "a 5 s run took " + seconds + " s from its clock's start");
    for (Topic t : Topic.values()) {
      long events = report.at("/topics/" + t.name("beyond.") + "/events").asLong();
      assertTrue(events > 1_000, t + " got " + events + " events");
    }
  }

  @Test
  void theSameSeedGivesTheSameEventsAtAnyRate() throws Exception {
    // 100,000 events each: 50 s at 2,000/s, 10 s at 10,000/s.
    Map<String, byte[]> slow = values("same-2k.", "2000", "50s");
    Map<String, byte[]> fast = values("same-10k.", "10000", "10s");
    assertTrue(slow.size() > 90_000, "tombstones aside, most events have values: " + slow.size());
    assertEquals(slow.keySet(), fast.keySet(), "the same event ids and truth records");
    for (Map.Entry<String, byte[]> e : slow.entrySet()) {
      assertTrue(java.util.Arrays.equals(e.getValue(), fast.get(e.getKey())),
          e.getKey() + " differs between 2,000/s and 10,000/s");
    }
  }

  /**
   * Every value a run wrote, without its Confluent header (the schema id is the registry's, per
   * topic name), by event id, or for truth records by source record id; tombstones have none.
   */
  private Map<String, byte[]> values(String prefix, String rate, String duration)
      throws Exception {
    Path dir = work.resolve(prefix);
    Cli.Result r = StreamSandbox.stream(dir, "--events-per-second", rate, "--duration", duration,
        "--scenario", StreamSandbox.FAST_DEMO.toString(), "--topic-prefix", prefix, "--seed", "9");
    assertEquals(0, r.exit(), r.stdout() + r.stderr());
    Map<String, byte[]> out = new HashMap<>();
    for (Topic t : Topic.values()) {
      for (ConsumerRecord<byte[], byte[]> rec : StreamSandbox.readAll(t.name(prefix))) {
        if (rec.value() == null) {
          continue;
        }
        Schema schema = StreamSandbox.schema(ByteBuffer.wrap(rec.value(), 1, 4).getInt());
        BinaryDecoder d = DecoderFactory.get().binaryDecoder(rec.value(), 5, rec.value().length - 5, null);
        GenericRecord value = new GenericDatumReader<GenericRecord>(schema).read(null, d);
        String id = t == Topic.MATCH_TRUTH ? "truth " + value.get("source_record_id")
            : value.get("event_id").toString();
        byte[] previous = out.put(id, java.util.Arrays.copyOfRange(rec.value(), 5, rec.value().length));
        assertEquals(null, previous, id + " twice");
      }
    }
    return out;
  }

  /**
   * Hot keys: a pool of 1 % of the shop records the run sees, whose orders are half the shop's
   * events; Confluent's Python client counts, by key, that the top 1 % carry that half.
   */
  @Test
  void hotKeysGiveTheTopOnePercentOfKeysTheConfiguredShare() throws Exception {
    long events = 150_000;
    String demo = java.nio.file.Files.readString(StreamSandbox.FAST_DEMO);
    java.util.function.IntFunction<String> withPool = k -> demo.replace("stream:\n",
        "stream:\n  hot_keys: {customers: " + k + ", share: 0.5, exponent: 1.0}\n");
    java.util.function.IntToLongFunction keys = k -> {
      io.mdmgen.world.WorldSpec spec = new io.mdmgen.world.WorldSpec(42,
          java.time.LocalDate.parse("2026-01-01"), io.mdmgen.world.Scenario.parse(withPool.apply(k)));
      io.mdmgen.events.StreamPlan plan = io.mdmgen.events.StreamPlan.of(spec,
          io.mdmgen.events.RateProfile.constant(5_000), false);
      return io.mdmgen.events.KeyShares.of(spec.world(), plan, io.mdmgen.events.EventOffset.START, events).keys();
    };
    int pool = (int) (keys.applyAsLong((int) (keys.applyAsLong(10) / 100)) / 100);
    Path dir = work.resolve("hot");
    java.nio.file.Files.createDirectories(dir);
    Path scenario = java.nio.file.Files.writeString(dir.resolve("hot.yaml"), withPool.apply(pool));
    Cli.Result r = StreamSandbox.stream(dir, "--events-per-second", "5000", "--duration", "30s",
        "--scenario", scenario.toString(), "--topic-prefix", "hot.");
    assertEquals(0, r.exit(), r.stdout() + r.stderr());
    assertTrue(r.stdout().contains("hot keys: orders of " + pool + " customers are"), r.stdout());
    JsonNode report = new ObjectMapper().readTree(dir.resolve("stream-report.json").toFile());
    JsonNode hot = report.get("hot_keys");
    assertEquals(0.5, hot.get("configured_order_share").asDouble());

    StreamSandbox.Verified v = StreamSandbox.verify(dir, "hot.", "--expect-hot-share", "0.5",
        "--share-tolerance", "0.02");
    assertEquals(0, v.exit(), v.summary().toPrettyString() + v.stderr());
    JsonNode shop = v.summary().at("/topics/hot.ecommerce.customers");
    assertEquals(shop.get("keys").asLong(), hot.get("keys").asLong(), "keys the report counted");
    assertEquals(shop.get("top_1_percent_share").asDouble(), hot.get("top_1_percent_share").asDouble(),
        1e-9, "the report's top 1 % share is the consumer's");
    assertEquals(shop.get("records").asLong(), hot.get("events").asLong());
  }

  @Test
  void aRestartFromTheCheckpointGoesOnAtTheNextEventWithoutAGap() throws Exception {
    Path checkpoint = work.resolve("restart-checkpoint");
    String[] args = {"--events-per-second", "3000", "--duration", "6s", "--scenario",
        StreamSandbox.FAST_DEMO.toString(), "--topic-prefix", "restart.", "--checkpoint",
        checkpoint.toString()};
    Cli.Result a = StreamSandbox.stream(work.resolve("restart-1"), args);
    assertEquals(0, a.exit(), a.stdout() + a.stderr());
    Cli.Result b = StreamSandbox.stream(work.resolve("restart-2"), args);
    assertEquals(0, b.exit(), b.stdout() + b.stderr());
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(work.resolve("restart-1/stream-report.json").toFile());
    JsonNode second = json.readTree(work.resolve("restart-2/stream-report.json").toFile());
    assertEquals(0, first.get("first_event_index").asLong());
    long cut = first.get("next_event_index").asLong();
    assertTrue(cut >= 18_000 && cut < 18_000 + ONE_STEP, "first run ended at " + cut);
    assertEquals(cut, second.get("first_event_index").asLong());
    long end = second.get("next_event_index").asLong();
    assertTrue(end - cut >= 17_999 && end - cut < 18_000 + ONE_STEP, "second run ended at " + end);

    // Together the two runs hold events 0..end-1 once each, with gapless sequences per record.
    StreamSandbox.Verified v = StreamSandbox.verify(work.resolve("restart-verify"), "restart.");
    assertEquals(0, v.exit(), v.summary().toPrettyString() + v.stderr());
    assertEquals(end, v.summary().get("records").asLong());
    assertEquals(0, v.summary().get("event_index_min").asLong());
    assertEquals(end - 1, v.summary().get("event_index_max").asLong());
  }

  /**
   * After a crash a resumed run can repeat its last micro-batch, byte for byte: the verifier
   * accepts such repeats with --allow-duplicates and still fails one that differs.
   */
  @Test
  void theVerifierAcceptsExactRepeatsOnlyWhenAskedAndNeverOthers() throws Exception {
    Cli.Result run = StreamSandbox.stream(work.resolve("dup"), "--events-per-second", "1000",
        "--duration", "3s", "--topic-prefix", "dup.");
    assertEquals(0, run.exit(), run.stdout() + run.stderr());
    ConsumerRecord<byte[], byte[]> original = StreamSandbox.readAll("dup.customers").stream()
        .filter(r -> r.value() != null).findFirst().orElseThrow();
    Map<String, Object> config = Map.of("bootstrap.servers", StreamSandbox.get().bootstrapServers());
    try (org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]> producer =
        new org.apache.kafka.clients.producer.KafkaProducer<>(config,
            new org.apache.kafka.common.serialization.ByteArraySerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("dup.customers",
          original.partition(), original.key(), original.value())).get();
      StreamSandbox.Verified strict = StreamSandbox.verify(work.resolve("dup-strict"), "dup.");
      assertEquals(1, strict.exit(), "a repeat fails without --allow-duplicates: " + strict.summary());
      StreamSandbox.Verified lenient = StreamSandbox.verify(work.resolve("dup-lenient"), "dup.", "--allow-duplicates");
      assertEquals(0, lenient.exit(), lenient.summary().toPrettyString() + lenient.stderr());
      assertEquals(1, lenient.summary().at("/topics/dup.customers/repeats").asLong());

      // The same event under another key is not a repeat of the record: it still fails.
      producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("dup.customers",
          original.partition(), "not-the-same-key".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          original.value())).get();
      StreamSandbox.Verified differing = StreamSandbox.verify(work.resolve("dup-differing"), "dup.", "--allow-duplicates");
      assertEquals(1, differing.exit(), differing.summary().toPrettyString());
      assertTrue(differing.summary().get("failures").toString().contains("appears twice"),
          differing.summary().toString());
    }
  }
}
