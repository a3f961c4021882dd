package io.mdmgen.world;

import static io.mdmgen.world.Fields.EXTRA;

/**
 * CRM's own columns: where the lead came from, the sales rep who owns it, the deal's stage. Sales
 * often ask for an income and round it.
 */
final class CrmColumns implements SourceColumns {
  private static final SourceStanding STANDING = new SourceStanding(0.45, 5_000, 0.15, 2.0, 365);
  private static final byte[][] LEAD_SOURCES = Text.ascii("Web", "Referral", "Trade Show",
      "Cold Call", "Partner", "Advertisement", "Email Campaign");
  private static final long[] LEAD_SOURCE_CDF = Hash.cdf(30, 20, 10, 10, 10, 10, 10);
  private static final byte[][] DEAL_STAGES = Text.ascii("Prospecting", "Qualification",
      "Proposal", "Negotiation", "Closed Won", "Closed Lost");
  private static final long[] DEAL_STAGE_CDF = Hash.cdf(20, 20, 15, 10, 20, 15);
  private static final int SALES_REPS = 250;
  /** When the sales reps were born, for their first names. */
  private static final int REPS_BORN = 1988;

  private final Dictionaries dict;
  /** The hash domain of the CRM's sales reps, people of their own. */
  private final long salesReps;

  private final int asOfDay;

  CrmColumns(long seed, int asOfDay, Dictionaries dictionaries) {
    this.asOfDay = asOfDay;
    this.dict = dictionaries;
    this.salesReps = Hash.domain(seed, 2);
  }

  @Override
  public void write(Master m, Variation v, RowSink out) {
    STANDING.write(m, v, asOfDay, out);
    long k = v.key;
    Text.put(out, Column.LEAD_SOURCE, LEAD_SOURCES[Hash.pick(Hash.of(k, EXTRA), LEAD_SOURCE_CDF)]);
    long rep = Hash.entity(salesReps, Hash.below(Hash.of(k, EXTRA + 1), SALES_REPS));
    Utf8Buffer b = out.text();
    int at = b.length();
    boolean female = (Hash.of(rep, Fields.GENDER) & 1) == 0;
    b.append((female ? dict.femaleFirst : dict.maleFirst)[
            dict.firstName(female, REPS_BORN, Hash.of(rep, Fields.FIRST))])
        .append(' ');
    dict.last.append(b, dict.lastWeights.pick(Hash.of(rep, Fields.LAST)));
    Text.put(out, Column.SALES_REP, b, at);
    Text.put(out, Column.DEAL_STAGE, DEAL_STAGES[Hash.pick(Hash.of(k, EXTRA + 2), DEAL_STAGE_CDF)]);
  }
}
