package io.mdmgen.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mdmgen.sinks.TableSink;
import io.mdmgen.world.Census;
import io.mdmgen.world.Corruption;
import io.mdmgen.world.Extent;
import io.mdmgen.world.SourceRates;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.Table;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What a batch run wrote and the rates it realized, for the console and as run-report.json. */
public final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode json = JSON.createObjectNode();
  private final BatchJob.Options options;
  private final Census census;
  private final Map<Table, Long> rows;
  private final Map<Table, Double> seconds;
  private final double totalSeconds;
  private final TableSink sink;

  /** {@code census}: the plan's counts and the writes' tallies together. */
  RunReport(BatchJob.Options o, Extent extent, Census census, Map<Table, Long> rows,
      Map<Table, Double> seconds, double totalSeconds, TableSink sink) {
    this.options = o;
    this.census = census;
    this.rows = rows;
    this.seconds = seconds;
    this.totalSeconds = totalSeconds;
    this.sink = sink;
    json.put("mode", "batch");
    json.put("seed", o.spec().seed());
    json.put("as_of", o.spec().asOf().toString());
    json.put("first_customer_index", extent.firstMaster());
    json.put("customers", extent.masters());
    json.put("source_records", census.records());
    json.put("seconds", round(totalSeconds, 3));
    long all = rows.values().stream().mapToLong(Long::longValue).sum();
    json.put("rows_per_second", Math.round(all / Math.max(totalSeconds, 1e-9)));
    ObjectNode tables = json.putObject("tables");
    rows.forEach((t, n) -> {
      ObjectNode node = tables.putObject(t.baseName() + o.tableSuffix());
      node.put("rows", n);
      node.put("seconds", round(seconds.getOrDefault(t, 0.0), 3));
      node.put("target", sink.describe(t.baseName() + o.tableSuffix()));
    });
    ObjectNode sources = json.putObject("sources");
    for (SourceSystem s : SourceSystem.values()) {
      SourceRates r = o.spec().scenario().rates(s);
      ObjectNode node = sources.putObject(s.code());
      long records = census.records(s);
      long covered = census.covered(s);
      node.put("records", records);
      rate(node, "coverage", r.coverage(), covered, census.masters());
      ObjectNode copies = node.putObject("copies");
      ArrayNode configured = copies.putArray("configured");
      ArrayNode realized = copies.putArray("realized");
      for (int k = 1; k <= r.copies().length; k++) {
        configured.add(r.copies()[k - 1]);
        realized.add(round(share(census.mastersWithCopies(s, k), covered), 5));
      }
      rate(node, "name_variation", r.nameVariation(), census.nameVaried(s), records);
      rate(node, "email_domain_change", r.emailDomainChange(), census.domainChanged(s), records);
      for (Corruption.Kind k : Corruption.Kind.values()) {
        rate(node, k.key(), r.corruption().rate(k), census.errors(s, k), records);
      }
      ArrayNode perRecord = node.putArray("errors_per_record");
      for (long n : census.errorsPerRecord(s)) {
        perRecord.add(round(share(n, records), 5));
      }
    }
  }

  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    JSON.writeValue(file.toFile(), json);
  }

  public void print(PrintStream out) {
    out.printf("mdmgen batch: %,d source records of %,d customers in %.1f s (seed %d, as of %s)%n",
        census.records(), rows.get(Table.CUSTOMERS), totalSeconds, options.spec().seed(),
        options.spec().asOf());
    int width = rows.keySet().stream()
        .mapToInt(t -> sink.describe(t.baseName() + options.tableSuffix()).length()).max().orElse(1);
    rows.forEach((t, n) -> out.printf("  %-" + width + "s %,13d rows  %8.1f s  %,12.0f rows/s%n",
        sink.describe(t.baseName() + options.tableSuffix()), n, seconds.getOrDefault(t, 0.0),
        n / Math.max(seconds.getOrDefault(t, 0.0), 1e-9)));
    out.printf("  %-10s %9s %22s %8s %8s %8s %8s %8s%n", "source", "coverage", "copies 1/2/3",
        "names", "domain", "0 errors", "1 error", "2+");
    for (SourceSystem s : SourceSystem.values()) {
      long covered = census.covered(s);
      long records = census.records(s);
      StringBuilder copies = new StringBuilder();
      for (int k = 1; k <= Math.min(3, options.spec().scenario().rates(s).copies().length); k++) {
        copies.append(copies.length() == 0 ? "" : "/")
            .append(String.format("%.1f", 100 * share(census.mastersWithCopies(s, k), covered)));
      }
      long[] perRecord = census.errorsPerRecord(s);
      long several = records - perRecord[0] - perRecord[1];
      out.printf("  %-10s %8.2f%% %21s%% %7.2f%% %7.2f%% %7.2f%% %7.2f%% %7.2f%%%n", s.code(),
          100 * share(covered, census.masters()), copies, 100 * share(census.nameVaried(s), records),
          100 * share(census.domainChanged(s), records), 100 * share(perRecord[0], records),
          100 * share(perRecord[1], records), 100 * share(several, records));
    }
    StringBuilder header = new StringBuilder(String.format("  %-10s", "errors"));
    for (Corruption.Kind k : Corruption.Kind.values()) {
      header.append(String.format(" %" + Math.max(6, k.key().length()) + "s", k.key()));
    }
    out.println(header);
    for (SourceSystem s : SourceSystem.values()) {
      StringBuilder line = new StringBuilder(String.format("  %-10s", s.code()));
      for (Corruption.Kind k : Corruption.Kind.values()) {
        line.append(String.format(" %" + (Math.max(6, k.key().length()) - 1) + ".2f%%",
            100 * share(census.errors(s, k), census.records(s))));
      }
      out.println(line);
    }
  }

  private static void rate(ObjectNode parent, String name, double configured, long count, long of) {
    ObjectNode node = parent.putObject(name);
    node.put("configured", configured);
    node.put("realized", round(share(count, of), 5));
    node.put("count", count);
  }

  private static double share(long count, long of) {
    return of == 0 ? 0 : (double) count / of;
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
