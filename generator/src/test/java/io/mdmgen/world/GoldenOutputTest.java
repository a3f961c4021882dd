package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mdmgen.events.EventCursor;
import io.mdmgen.events.EventOffset;
import io.mdmgen.events.RateProfile;
import io.mdmgen.events.StreamPlan;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pins the output of the world model: digests of the first rows of every batch table and the
 * first events of two streams, for fixed seeds. A change that moves any byte fails here, so a
 * refactoring is proven to change nothing and a change to the data is a change to the fixture.
 * On a mismatch the test writes what it saw to {@code target/golden/}: the new fixture, and the
 * rows as text, to compare with those of the previous commit.
 */
class GoldenOutputTest {
  static final String FIXTURE = "golden-output.txt";
  static final long MASTERS = 2_000;
  static final String SHORT_LAGS = """
      crm: {lag_seconds: 2}
      erp: {lag_seconds: 4}
      ecommerce: {lag_seconds: 1}
      stream: {life_span_seconds: 3, closure_rate: 0.3, life_events_per_customer: 4}
      """;
  static final int[] SCHEMA_IDS = {1, 2, 3, 4, 5};

  @Test
  void theWorldWritesWhatTheFixtureRecords() throws IOException {
    Map<String, List<String>> seen = new TreeMap<>();
    WorldSpec spec = new WorldSpec(42, WorldSpec.DEFAULT_AS_OF, Scenario.defaults());
    World world = spec.world();
    Extent extent = new Extent(0, MASTERS, MASTERS, SourceRates.MAX_COPIES * 3);
    for (Table table : Table.values()) {
      long[] span = TableCursor.span(world, table, extent);
      TableCursor cursor = new TableCursor(world, table, extent, span[0], span[1]);
      RecordingSink sink = new RecordingSink();
      List<String> rows = new ArrayList<>();
      while (cursor.next(sink.clear())) {
        rows.add(sink.row.toString());
      }
      seen.put("table " + table.baseName(), rows);
    }
    seen.put("stream default", events(spec, 5_000));
    seen.put("stream short-lags", events(
        new WorldSpec(7, WorldSpec.DEFAULT_AS_OF, Scenario.parse(SHORT_LAGS)), 20_000));

    Map<String, String> actual = new TreeMap<>();
    seen.forEach((name, lines) -> actual.put(name, lines.size() + " " + sha256(lines)));
    Map<String, String> expected = fixture();
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "golden");
      Files.createDirectories(out);
      List<String> fixture = new ArrayList<>();
      actual.forEach((name, digest) -> fixture.add(name + " = " + digest));
      Files.write(out.resolve(FIXTURE), fixture);
      for (Map.Entry<String, List<String>> e : seen.entrySet()) {
        Files.write(out.resolve(e.getKey().replace(' ', '-') + ".txt"), e.getValue());
      }
    }
    assertEquals(expected, actual, "the output changed; if on purpose, copy target/golden/"
        + FIXTURE + " over src/test/resources/io/mdmgen/world/" + FIXTURE
        + " (target/golden/ holds the rows as text)");
  }

  /** Each event as key, then value bytes in hex (tombstones: no value). */
  static List<String> events(WorldSpec spec, long n) {
    StreamPlan plan = StreamPlan.of(spec, RateProfile.constant(1_000), false);
    EventCursor c = new EventCursor(spec.world(), plan, SCHEMA_IDS, EventOffset.START, n, 0, 1);
    List<String> out = new ArrayList<>();
    while (c.next()) {
      byte[] value = c.value();
      out.add(c.n() + " " + c.topic() + " " + c.kind() + " "
          + new String(c.key(), StandardCharsets.UTF_8) + " "
          + (value == null ? "-" : new BigInteger(1, value).toString(16)));
    }
    return out;
  }

  static Map<String, String> fixture() throws IOException {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = GoldenOutputTest.class.getResourceAsStream(FIXTURE)) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf(" = ");
        if (eq > 0) {
          out.put(line.substring(0, eq), line.substring(eq + 3).trim());
        }
      }
    }
    return new TreeMap<>(out);
  }

  static String sha256(List<String> lines) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        md.update(line.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return String.format("%064x", new BigInteger(1, md.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
