package io.mdmgen.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a matcher's clusters compare with a run's truth: what {@code mdmgen score} prints and
 * writes as JSON. Undefined figures (NaN) are written as null and printed as n/a.
 *
 * @param truth the truth table scored against
 * @param predictions where the clusters came from
 * @param pairs pairwise counts
 * @param bCubed B-cubed sums
 * @param clusters the predicted clusters
 * @param customers the true clusters (customers with records)
 * @param exact predicted clusters that are exactly one customer's records
 * @param hardNegatives per reason, how the matcher treated customers who look alike
 * @param falseMerges the clusters with the most false pairs, worst first
 * @param falseSplits the customers with the most missed pairs, worst first
 * @param seconds how long scoring took
 */
public record ScoreReport(String truth, String predictions, PairCounts pairs, BCubed bCubed,
    Clusters clusters, Clusters customers, long exact, List<HardNegatives> hardNegatives,
    List<Group> falseMerges, List<Group> falseSplits, double seconds) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One side's clusters: how many, how many hold one record, how many hold one of the other side's
   * (a predicted cluster of one customer; a customer in one predicted cluster), the largest.
   */
  public record Clusters(long count, long singletons, long pure, long largest) {}

  /**
   * Pairs of different customers who look alike, for one reason: how many the truth lists among
   * the scored records, how many the matcher merged (some records of both in one cluster), and the
   * record pairs those merges make.
   */
  public record HardNegatives(String reason, long pairs, long merged, long recordPairs) {}

  /**
   * A false merge (a cluster holding several customers) or a false split (a customer spread
   * over several clusters): its id, records, how many customers or clusters, the pairs it gets
   * wrong, and its records (the first {@link ScoreJob#SHOWN_RECORDS}).
   */
  public record Group(String id, long records, long parts, long wrongPairs, List<Member> members) {}

  /** A record of a worst case as its source holds it. */
  public record Member(String sourceRecordId, String sourceSystem, String clusterId, String customerId,
      Map<String, String> fields) {}

  public long records() {
    return bCubed.records();
  }

  /** Record pairs the matcher merged that the truth lists as hard negatives. */
  public long hardNegativeRecordPairs() {
    return hardNegatives.stream().mapToLong(HardNegatives::recordPairs).sum();
  }

  public void print(PrintStream out) {
    out.printf("mdmgen score: %,d records in %,d predicted clusters (%s) against %s (%,d customers), in %.1f s%n",
        records(), clusters.count(), predictions, truth, customers.count(), seconds);
    out.printf("  pairwise   precision %s  recall %s  F1 %s   (%,d of %,d true pairs found; %,d predicted, %,d false)%n",
        f(pairs.precision()), f(pairs.recall()), f(pairs.f1()), pairs.correct(), pairs.truth(),
        pairs.predicted(), pairs.falseMerges());
    out.printf("  B-cubed    precision %s  recall %s  F1 %s%n", f(bCubed.precision()), f(bCubed.recall()),
        f(bCubed.f1()));
    out.printf("  clusters   predicted %,d (%,d singletons, %,d of one customer, largest %,d)   true %,d"
        + " (%,d singletons, %,d in one cluster, largest %,d)   exact %,d%n", clusters.count(),
        clusters.singletons(), clusters.pure(), clusters.largest(), customers.count(), customers.singletons(),
        customers.pure(), customers.largest(), exact);
    long falsePairs = pairs.falseMerges();
    out.printf("  hard negatives: %,d of the %,d false pairs (%s) join customers who look alike%n",
        hardNegativeRecordPairs(), falsePairs, percent(hardNegativeRecordPairs(), falsePairs));
    out.printf("    %-14s %12s %12s %8s %13s%n", "reason", "pairs", "merged", "share", "record pairs");
    for (HardNegatives h : hardNegatives) {
      out.printf("    %-14s %,12d %,12d %8s %,13d%n", h.reason(), h.pairs(), h.merged(),
          percent(h.merged(), h.pairs()), h.recordPairs());
    }
    printGroups(out, "worst false merges", "cluster", "customers", "false pairs", falseMerges);
    printGroups(out, "worst false splits", "customer", "clusters", "missed pairs", falseSplits);
  }

  private static void printGroups(PrintStream out, String title, String kind, String parts, String wrong,
      List<Group> groups) {
    if (groups.isEmpty()) {
      return;
    }
    out.println("  " + title + ":");
    for (Group g : groups) {
      out.printf("    %s %s: %,d records, %,d %s, %,d %s%n", kind, g.id(), g.records(), g.parts(), parts,
          g.wrongPairs(), wrong);
      for (Member m : g.members()) {
        out.printf("      %-17s %-14s %s%n", m.sourceRecordId(),
            kind.equals("cluster") ? m.customerId() : shorten(m.clusterId(), 14),
            String.join(" | ", m.fields().values().stream().map(v -> v == null ? "" : v).toList()));
      }
    }
  }

  public void write(Path file) throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put("truth", truth);
    json.put("predictions", predictions);
    json.put("records", records());
    json.put("seconds", Math.round(seconds * 1000) / 1000.0);
    json.put("records_per_second", Math.round(records() / Math.max(seconds, 1e-9)));
    ObjectNode pairwise = json.putObject("pairwise");
    figure(pairwise, "precision", pairs.precision());
    figure(pairwise, "recall", pairs.recall());
    figure(pairwise, "f1", pairs.f1());
    pairwise.put("true_pairs", pairs.truth());
    pairwise.put("predicted_pairs", pairs.predicted());
    pairwise.put("correct_pairs", pairs.correct());
    pairwise.put("false_pairs", pairs.falseMerges());
    pairwise.put("missed_pairs", pairs.missed());
    ObjectNode b3 = json.putObject("b_cubed");
    figure(b3, "precision", bCubed.precision());
    figure(b3, "recall", bCubed.recall());
    figure(b3, "f1", bCubed.f1());
    ObjectNode c = json.putObject("clusters");
    c.put("predicted", clusters.count());
    c.put("predicted_singletons", clusters.singletons());
    c.put("predicted_of_one_customer", clusters.pure());
    c.put("largest_predicted", clusters.largest());
    c.put("true", customers.count());
    c.put("true_singletons", customers.singletons());
    c.put("true_in_one_cluster", customers.pure());
    c.put("largest_true", customers.largest());
    c.put("exact", exact);
    ObjectNode hn = json.putObject("hard_negatives");
    hn.put("false_pairs", pairs.falseMerges());
    hn.put("false_pairs_on_hard_negatives", hardNegativeRecordPairs());
    ObjectNode reasons = hn.putObject("by_reason");
    for (HardNegatives h : hardNegatives) {
      ObjectNode r = reasons.putObject(h.reason());
      r.put("pairs", h.pairs());
      r.put("merged", h.merged());
      r.put("record_pairs", h.recordPairs());
    }
    groups(json.putArray("worst_false_merges"), "cluster_id", "customers", "false_pairs", falseMerges);
    groups(json.putArray("worst_false_splits"), "customer_id", "clusters", "missed_pairs", falseSplits);
    Files.writeString(file, JSON.writeValueAsString(json) + "\n");
  }

  private static void groups(ArrayNode array, String id, String parts, String wrong, List<Group> groups) {
    for (Group g : groups) {
      ObjectNode node = array.addObject();
      node.put(id, g.id());
      node.put("records", g.records());
      node.put(parts, g.parts());
      node.put(wrong, g.wrongPairs());
      ArrayNode members = node.putArray("members");
      for (Member m : g.members()) {
        ObjectNode r = members.addObject();
        r.put("source_record_id", m.sourceRecordId());
        r.put("source_system", m.sourceSystem());
        r.put("cluster_id", m.clusterId());
        r.put("customer_id", m.customerId());
        m.fields().forEach(r::put);
      }
    }
  }

  private static void figure(ObjectNode node, String name, double value) {
    if (Double.isNaN(value)) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }

  private static String f(double value) {
    return Double.isNaN(value) ? "n/a" : String.format("%.4f", value);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "n/a" : String.format("%.1f%%", 100.0 * part / whole);
  }

  private static String shorten(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
