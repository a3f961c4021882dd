package io.mdmgen.spark;

import io.mdmgen.events.RateProfile;
import io.mdmgen.events.StreamPlan;
import io.mdmgen.world.Scenario;
import io.mdmgen.world.WorldSpec;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What a stream of events reads, and its round trip through Spark's string options (the profile
 * as it is written, and the base rate it was read with).
 *
 * @param durationSeconds how long a run lasts (infinite: until stopped)
 * @param stopFile a file on the driver whose appearance asks the source to admit no more events
 *     (Spark builds the source from these options, so there is no object to call)
 */
public record EventScanOptions(WorldSpec spec, RateProfile profile, boolean embedTruth,
    int[] schemaIds, String topicPrefix, int partitions, double durationSeconds, String stopFile)
    implements Serializable {

  StreamPlan plan() {
    return StreamPlan.of(spec, profile, embedTruth);
  }

  Map<String, String> toMap() {
    Map<String, String> m = new HashMap<>();
    m.put("seed", Long.toString(spec.seed()));
    m.put("as_of", spec.asOf().toString());
    m.put("scenario", spec.scenario().toJson());
    m.put("rate", Double.toString(profile.baseRate()));
    m.put("profile", profile.text());
    m.put("embed_truth", Boolean.toString(embedTruth));
    m.put("schema_ids", String.join(",", Arrays.stream(schemaIds).mapToObj(Integer::toString).toList()));
    m.put("topic_prefix", topicPrefix);
    m.put("partitions", Integer.toString(partitions));
    m.put("duration_seconds", Double.toString(durationSeconds));
    m.put("stop_file", stopFile);
    return m;
  }

  static EventScanOptions from(Map<String, String> o) {
    return new EventScanOptions(
        new WorldSpec(Long.parseLong(o.get("seed")), LocalDate.parse(o.get("as_of")),
            Scenario.parse(o.get("scenario"))),
        RateProfile.parse(o.get("profile"), Double.parseDouble(o.get("rate"))),
        Boolean.parseBoolean(o.get("embed_truth")),
        Arrays.stream(o.get("schema_ids").split(",")).mapToInt(Integer::parseInt).toArray(),
        o.get("topic_prefix"),
        Integer.parseInt(o.get("partitions")),
        Double.parseDouble(o.get("duration_seconds")),
        o.get("stop_file"));
  }
}
