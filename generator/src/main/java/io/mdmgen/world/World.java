package io.mdmgen.world;

import java.time.LocalDate;

/**
 * The world model: master customer {@code i} and every source record are pure functions of
 * (seed, i, source, copy). Nothing here holds random state; each decision is a {@link Hash} of the
 * entity's key and a {@link Fields field id}, so records can be generated in any order, on any
 * machine. This class is the model's face; each part of a customer is drawn and written by a
 * class of its own ({@link People}, {@link Addresses}, {@link Phones}, {@link Emails},
 * {@link Occupations}, {@link Standing}), records vary by {@link Variations}, customers live by
 * {@link Lives}, and {@link Records} writes the rows.
 */
public final class World {
  /** Hash domain of customers, kept: every master key would derive it again. */
  private final long customers;
  /** Hash domain of the orders of the source tables. */
  private final long orders;
  /** Who lives with whom: the blocks' hash domain and the household sizes' thresholds. */
  private final Households households;
  private final long householdBlocks;
  private final int[] householdSizes;
  private final Holdings holdings;
  private final People people;
  private final Addresses addresses;
  private final Phones phones;
  private final Emails emails;
  private final Occupations occupations;
  private final Standing standing;
  private final Variations variations;
  private final Lives lives;
  private final Records records;

  public World(long seed, LocalDate asOf, Scenario scenario, Dictionaries dictionaries) {
    int asOfDay = (int) asOf.toEpochDay();
    this.customers = Hash.domain(seed, 1);
    this.orders = Hash.domain(seed, 3);
    this.households = scenario.households();
    this.householdBlocks = Hash.domain(seed, 4);
    this.householdSizes = households.sizeThresholds();
    this.holdings = new Holdings(Hash.domain(seed, 5), scenario);
    this.people = new People(dictionaries, asOfDay);
    this.addresses = new Addresses(dictionaries);
    this.phones = new Phones(dictionaries);
    this.emails = new Emails(dictionaries);
    this.occupations = new Occupations(dictionaries);
    this.standing = new Standing(asOfDay);
    this.variations = new Variations(scenario, dictionaries);
    this.lives = new Lives(scenario.life(), people, addresses, phones, emails);
    this.records = new Records(seed, asOfDay, dictionaries, addresses, emails, occupations);
  }

  public long masterKey(long index) {
    return Hash.entity(customers, index);
  }

  /** How many records {@code source} holds of master {@code index}. */
  public int copies(long index, SourceSystem source) {
    return holdings.copies(index, source.ordinal());
  }

  /** The most records {@code source} holds of one master. */
  public int maxCopies(SourceSystem source) {
    return holdings.maxCopies(source.ordinal());
  }

  /** How many records each source holds of each master, by blocks of masters. */
  Holdings holdings() {
    return holdings;
  }

  /** The key of the order in which {@code source}'s table lists the records of copy {@code copy}. */
  long orderKey(SourceSystem source, int copy) {
    return Hash.of(orders, 16L * source.ordinal() + copy);
  }

  /**
   * Fills {@code m} with master customer {@code index}: first its household's head (the master
   * itself, or the one whose home and names a member shares), then what is the member's own.
   */
  public void master(long index, Master m) {
    long k = masterKey(index);
    m.index = index;
    m.key = k;
    m.orders = 0;
    long where = households.locate(householdBlocks, householdSizes, index);
    long head = where >>> 3;
    int position = (int) (where & 7);
    long headKey = position == 0 ? k : masterKey(head);
    m.household = head;
    if (position > 0) {
      people.drawHead(headKey, m);
      people.member(k, headKey, position, households.role(headKey, position), households, m);
    } else {
      people.draw(headKey, m);
      if (fatherOfJunior(headKey, head, m)) {
        m.suffix = People.SR;
      }
    }
    addresses.draw(headKey, m.home);
    m.moved = Hash.unit(Hash.of(headKey, Fields.MOVED)) < households.moved();
    if (m.moved) {
      addresses.draw(Hash.of(headKey, Fields.PREVIOUS_HOME), m.previous);
    }
    boolean landline = Hash.unit(Hash.of(headKey, Fields.LANDLINE)) < households.landline();
    phones.draw(landline ? headKey : k, m);
    emails.draw(k, m);
    int age = people.age(m);
    occupations.draw(k, m, age);
    standing.draw(k, m, age);
  }

  /**
   * The opportunity (1 to {@link Life#OPPORTUNITIES}) at which the customer with key
   * {@code masterKey} closes its account, or {@code OPPORTUNITIES + 1} if it never does.
   */
  public int closingChance(long masterKey) {
    return lives.closingChance(masterKey);
  }

  /**
   * What happens to the customer at opportunity {@code chance} (1-based), given its
   * {@link #closingChance}; null when nothing does (or the account is already closed).
   */
  public LifeEvent lifeEvent(long masterKey, int chance, int closingChance) {
    return lives.lifeEvent(masterKey, chance, closingChance);
  }

  /** Makes {@code m} a customer that appeared on {@code day}: registered and last active then. */
  public void appear(Master m, int day) {
    Standing.appear(m, day);
  }

  /**
   * Applies life event {@code e}, the one at opportunity {@code chance}, to {@code m} on
   * {@code day}; returns the columns whose values it changed, as a bit set of column ordinals.
   */
  public long live(Master m, LifeEvent e, int chance, int day) {
    return lives.live(m, e, chance, day);
  }

  /** The columns a shop order changes: its e-commerce record's order count and spend. */
  public static final long ORDER_COLUMNS = bit(Column.TOTAL_ORDERS) | bit(Column.TOTAL_SPENT);

  /**
   * Makes {@code m} a customer that has placed {@code orders} orders in the stream: its first
   * e-commerce record counts them and their spend.
   */
  public void ordered(Master m, long orders) {
    m.orders = orders;
  }

  /** Fills {@code v} with the variation of record {@code copy} of {@code source} for {@code m}. */
  public void vary(Master m, SourceSystem source, int copy, Variation v) {
    variations.vary(m, source, copy, v);
  }

  /** Writes master {@code m} as a golden {@code customers} row. */
  public void writeMaster(Master m, RowSink out) {
    records.master(m, out);
  }

  /**
   * Writes record {@code copy} of {@code source} for master {@code m} as varied by {@code v}.
   * {@code customer_id} is written too if the sink keeps it (runs that embed the truth; the stream
   * writes it as null otherwise).
   */
  public void writeSource(Master m, SourceSystem source, int copy, Variation v, RowSink out) {
    records.source(m, source, copy, v, out);
  }

  /**
   * Writes the {@code hard_negatives} row of masters {@code m} and {@code other}, who live
   * together ({@code other} the earlier): why they look alike.
   */
  public void writeHardNegative(Master m, Master other, RowSink out) {
    records.hardNegative(m, other, out);
  }

  /** Writes the {@code match_truth} row of record {@code copy} of {@code source} for master {@code index}. */
  public void writeTruth(long index, SourceSystem source, int copy, RowSink out) {
    records.truth(index, source, copy, out);
  }

  /** Whether the head {@code m} (of index {@code head}) has a son named after him in the household. */
  private boolean fatherOfJunior(long headKey, long head, Master m) {
    if (m.female) {
      return false;
    }
    int size = households.size(householdBlocks, householdSizes, head);
    for (int p = 1; p < size; p++) {
      if (households.role(headKey, p) == Households.CHILD
          && people.isJunior(masterKey(head + p), headKey, false, p, households)
          && people.childBirthDay(headKey, m.birthDay, p, households) <= people.lastAdultBirthDay()) {
        return true;
      }
    }
    return false;
  }

  /** Master {@code index}'s place in its household: 0 for the head, 1 for the next... */
  public int householdPosition(long index) {
    return (int) (households.locate(householdBlocks, householdSizes, index) & 7);
  }

  /** The index of the head of master {@code index}'s household. */
  public long householdOf(long index) {
    return households.locate(householdBlocks, householdSizes, index) >>> 3;
  }

  static long bit(Column c) {
    return 1L << c.ordinal();
  }
}
