package io.mdmgen.world;

import static io.mdmgen.world.Fields.EXTRA;

/** CRM's own columns: where the lead came from, the sales rep who owns it, the deal's stage. */
final class CrmColumns implements SourceColumns {
  private static final byte[][] LEAD_SOURCES = Text.ascii("Web", "Referral", "Trade Show",
      "Cold Call", "Partner", "Advertisement", "Email Campaign");
  private static final long[] LEAD_SOURCE_CDF = Hash.cdf(30, 20, 10, 10, 10, 10, 10);
  private static final byte[][] DEAL_STAGES = Text.ascii("Prospecting", "Qualification",
      "Proposal", "Negotiation", "Closed Won", "Closed Lost");
  private static final long[] DEAL_STAGE_CDF = Hash.cdf(20, 20, 15, 10, 20, 15);
  private static final int SALES_REPS = 250;

  private final Dictionaries dict;
  /** The hash domain of the CRM's sales reps, people of their own. */
  private final long salesReps;

  CrmColumns(long seed, Dictionaries dictionaries) {
    this.dict = dictionaries;
    this.salesReps = Hash.domain(seed, 2);
  }

  @Override
  public void write(Master m, Variation v, RowSink out) {
    long k = v.key;
    Text.put(out, Column.LEAD_SOURCE, LEAD_SOURCES[Hash.pick(Hash.of(k, EXTRA), LEAD_SOURCE_CDF)]);
    long rep = Hash.entity(salesReps, Hash.below(Hash.of(k, EXTRA + 1), SALES_REPS));
    Utf8Buffer b = out.text();
    int at = b.length();
    b.append(dict.femaleFirst[Hash.below(Hash.of(rep, Fields.FIRST), dict.femaleFirst.length)])
        .append(' ').append(dict.last[Hash.below(Hash.of(rep, Fields.LAST), dict.last.length)]);
    Text.put(out, Column.SALES_REP, b, at);
    Text.put(out, Column.DEAL_STAGE, DEAL_STAGES[Hash.pick(Hash.of(k, EXTRA + 2), DEAL_STAGE_CDF)]);
  }
}
