package io.mdmgen.spark;

import io.mdmgen.world.Extent;
import io.mdmgen.world.Scenario;
import io.mdmgen.world.Table;
import io.mdmgen.world.WorldSpec;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/** What a scan of the world reads, and its round trip through Spark's string options. */
record WorldScanOptions(Table table, WorldSpec spec, Extent extent, int partitions,
    boolean embedTruth) implements Serializable {

  Map<String, String> toMap() {
    return Map.of(
        "table", table.baseName(),
        "seed", Long.toString(spec.seed()),
        "as_of", spec.asOf().toString(),
        "scenario", spec.scenario().toJson(),
        "extent", extent.firstMaster() + "," + extent.masters() + "," + extent.sourceMasters() + ","
            + extent.keepOfLast(),
        "partitions", Integer.toString(partitions),
        "embed_truth", Boolean.toString(embedTruth));
  }

  static WorldScanOptions from(Map<String, String> o) {
    String[] e = o.get("extent").split(",");
    return new WorldScanOptions(
        Table.named(o.get("table")),
        new WorldSpec(Long.parseLong(o.get("seed")), LocalDate.parse(o.get("as_of")),
            Scenario.parse(o.get("scenario"))),
        new Extent(Long.parseLong(e[0]), Long.parseLong(e[1]), Long.parseLong(e[2]),
            Integer.parseInt(e[3])),
        Integer.parseInt(o.get("partitions")),
        Boolean.parseBoolean(o.get("embed_truth")));
  }
}
