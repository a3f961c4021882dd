package io.mdmgen.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mdmgen.events.EventCursor;
import io.mdmgen.events.EventOffset;
import io.mdmgen.events.StreamPlan;
import io.mdmgen.events.Topic;
import io.mdmgen.world.WorldSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What makes a stream the stream it is, kept in its checkpoint ({@value #FILE}) so that a resume
 * with other options is refused instead of going on in the same topics with another world's
 * events.
 *
 * @param scenario a digest of the scenario
 * @param events a digest of the stream's first {@value #FINGERPRINT_EVENTS} events: it differs
 *     when the options are the same but the event model is not (another version of mdmgen)
 */
public record StreamIdentity(long seed, LocalDate asOf, String scenario, String topicPrefix,
    boolean embedTruth, boolean exactlyOnce, String events) {
  static final String FILE = "mdmgen-stream.json";
  private static final int FINGERPRINT_EVENTS = 2_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The identity of the stream {@code plan} makes into topics {@code topicPrefix*}. */
  public static StreamIdentity of(StreamPlan plan, String topicPrefix, boolean embedTruth,
      boolean exactlyOnce) {
    WorldSpec spec = plan.spec();
    MessageDigest events = sha256();
    int[] ids = new int[Topic.values().length]; // the registry's ids are not the stream's content
    EventCursor cursor = new EventCursor(spec.world(), plan, ids, EventOffset.START, FINGERPRINT_EVENTS, 0, 1);
    while (cursor.next()) {
      events.update(cursor.key());
      byte[] value = cursor.value();
      events.update(value == null ? new byte[] {0} : value);
    }
    return new StreamIdentity(spec.seed(), spec.asOf(),
        spec.scenario().digest(),
        topicPrefix, embedTruth, exactlyOnce, hex(events.digest()));
  }

  /**
   * What differs between the stream a checkpoint was started with ({@code stored}) and this one,
   * in the words of the flags; empty if nothing does.
   */
  public Optional<String> differenceFrom(StreamIdentity stored) {
    if (stored.seed != seed) {
      return Optional.of("--seed " + stored.seed + ", not " + seed);
    }
    if (!stored.asOf.equals(asOf)) {
      return Optional.of("--as-of " + stored.asOf + ", not " + asOf);
    }
    if (!stored.scenario.equals(scenario)) {
      return Optional.of("another --scenario (digest " + stored.scenario.substring(0, 12)
          + ", not " + scenario.substring(0, 12) + ")");
    }
    if (!stored.topicPrefix.equals(topicPrefix)) {
      return Optional.of("--topic-prefix " + stored.topicPrefix + ", not " + topicPrefix);
    }
    if (stored.embedTruth != embedTruth) {
      return Optional.of(stored.embedTruth ? "--embed-truth" : "no --embed-truth");
    }
    if (stored.exactlyOnce != exactlyOnce) { // a replay's marks exist only in transactional runs
      return Optional.of(stored.exactlyOnce ? "--exactly-once" : "no --exactly-once");
    }
    if (!stored.events.equals(events)) {
      return Optional.of("another version of mdmgen, whose events differ from this one's");
    }
    return Optional.empty();
  }

  /** The identity kept in {@code checkpoint}, if it has one. */
  public static Optional<StreamIdentity> read(String checkpoint) throws IOException {
    Path file = new Path(checkpoint, FILE);
    FileSystem fs = file.getFileSystem(new Configuration());
    if (!fs.exists(file)) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(file)) {
      JsonNode n = JSON.readTree(in);
      return Optional.of(new StreamIdentity(n.get("seed").asLong(), LocalDate.parse(n.get("as_of").asText()),
          n.get("scenario_sha256").asText(), n.get("topic_prefix").asText(),
          n.get("embed_truth").asBoolean(), n.path("exactly_once").asBoolean(false),
          n.get("first_events_sha256").asText()));
    } catch (RuntimeException e) {
      throw new IOException(file + " is not an mdmgen stream identity: " + e.getMessage(), e);
    }
  }

  /** Keeps this identity in {@code checkpoint}. */
  public void write(String checkpoint) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("seed", seed);
    n.put("as_of", asOf.toString());
    n.put("scenario_sha256", scenario);
    n.put("topic_prefix", topicPrefix);
    n.put("embed_truth", embedTruth);
    n.put("exactly_once", exactlyOnce);
    n.put("first_events_sha256", events);
    Path file = new Path(checkpoint, FILE);
    FileSystem fs = file.getFileSystem(new Configuration());
    try (OutputStream out = fs.create(file, true)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
