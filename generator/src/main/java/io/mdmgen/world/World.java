package io.mdmgen.world;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The world model: master customer {@code i} and every source record are pure functions of
 * (seed, i, source, copy). Nothing here holds random state; each decision is a {@link Hash} of the
 * entity's key and a field id, so records can be generated in any order, on any machine.
 */
public final class World {
  // Field ids: stable numbers, never ordinals, so adding a field changes no existing value.
  private static final long GENDER = 1, FIRST = 2, LAST = 3, PLACE = 4, AREA = 5, EXCHANGE = 6,
      LINE = 7, STREET_NUMBER = 8, STREET = 9, SUFFIX = 10, UNIT = 11, UNIT_NUMBER = 12,
      EMAIL_PATTERN = 13, EMAIL_DIGITS = 14, DOMAIN = 15, AGE = 16, AGE2 = 17, COMPANY_PATTERN = 18,
      COMPANY_A = 19, COMPANY_B = 20, COMPANY_SUFFIX = 21, SENIORITY = 22, FIELD = 23,
      POSITION = 24, SEGMENT = 25, INCOME = 26, REGISTRATION = 27, ACTIVITY = 28;
  private static final long COVERED = 100, COPIES = 101, RECORD = 200;
  private static final long NAME_VARIED = 1, NAME_KIND = 2, NAME_CASE = 3, NICKNAME = 4,
      ADDRESS_FORMAT = 5, PHONE_FORMAT = 6, DOMAIN_CHANGED = 7, NEW_DOMAIN = 8, TYPO = 9,
      TYPO_COLUMN = 10, TYPO_DRAW = 11, MISSING = 12, MISSING_COLUMN = 13, EXTRA_1 = 20,
      EXTRA_2 = 21, EXTRA_3 = 22, EXTRA_4 = 23, EXTRA_5 = 24;
  private static final long CLOSE_CHANCE = 50, LIFE_CHANCE = 1000, LIFE_DRAW = 1100;
  private static final LifeEvent[] LIFE_EVENTS = LifeEvent.values();

  static final String[] SEGMENTS = {"Basic", "Regular", "Premium", "VIP"};
  private static final long[] SEGMENT_CDF = Hash.thresholds(0.35, 0.75, 0.95, 1.0);
  private static final double[] INCOME_MU = {Math.log(32_000), Math.log(58_000), Math.log(105_000),
      Math.log(240_000)};
  private static final double[] INCOME_SIGMA = {0.35, 0.35, 0.40, 0.50};

  static final String[][] SUFFIXES = {
    {"Street", "St"}, {"Avenue", "Ave"}, {"Boulevard", "Blvd"}, {"Road", "Rd"}, {"Drive", "Dr"},
    {"Lane", "Ln"}, {"Court", "Ct"}, {"Place", "Pl"}, {"Terrace", "Ter"}, {"Parkway", "Pkwy"},
    {"Circle", "Cir"}, {"Way", "Way"}
  };
  private static final long[] SUFFIX_CDF = Hash.cdf(22, 16, 5, 12, 12, 10, 7, 5, 3, 2, 4, 2);
  static final String[][] UNITS = {{"Apartment", "Apt"}, {"Suite", "Ste"}, {"Unit", "Unit"}};
  private static final long[] UNIT_CDF = Hash.cdf(70, 15, 15);

  static final String[] DOMAINS = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com",
      "icloud.com", "aol.com", "comcast.net", "att.net", "protonmail.com", "msn.com"};
  private static final long[] DOMAIN_CDF = Hash.cdf(35, 15, 12, 10, 8, 5, 5, 4, 3, 3);

  private static final String[] LEAD_SOURCES = {"Web", "Referral", "Trade Show", "Cold Call",
      "Partner", "Advertisement", "Email Campaign"};
  private static final long[] LEAD_SOURCE_CDF = Hash.cdf(30, 20, 10, 10, 10, 10, 10);
  private static final String[] DEAL_STAGES = {"Prospecting", "Qualification", "Proposal",
      "Negotiation", "Closed Won", "Closed Lost"};
  private static final long[] DEAL_STAGE_CDF = Hash.cdf(20, 20, 15, 10, 20, 15);
  private static final int SALES_REPS = 250;
  private static final String[] PAYMENT_TERMS = {"Net 15", "Net 30", "Net 45", "Net 60",
      "Due on Receipt"};
  private static final long[] PAYMENT_TERMS_CDF = Hash.cdf(15, 45, 15, 10, 15);
  private static final long[][] CREDIT_LIMIT = {
    {1_000, 5_000}, {5_000, 20_000}, {20_000, 100_000}, {100_000, 500_000}
  };
  private static final String[] CATEGORIES = {"Electronics", "Home & Garden", "Apparel", "Books",
      "Sports & Outdoors", "Beauty", "Toys", "Grocery", "Automotive", "Health"};
  private static final double[] ORDER_MEAN = {4, 9, 18, 40};
  private static final double[] ORDER_VALUE_MU = {Math.log(45), Math.log(70), Math.log(120),
      Math.log(260)};

  private static final byte[][] SEGMENT_UTF8 = ascii(SEGMENTS);
  private static final byte[][] DOMAIN_UTF8 = ascii(DOMAINS);
  private static final byte[] CUST = ascii("CUST-");
  private static final byte[] INITIAL_DOT = ascii(".");

  /** Hash domains of customers and sales reps, kept: every master key would derive it again. */
  private final long customers;
  private final long salesReps;
  private final int asOfDay;
  private final Dictionaries dict;
  private final long[][] copiesCdf = new long[3][];
  private final long[][] addressCdf = new long[3][];
  private final long[][] phoneCdf = new long[3][];
  private final SourceRates[] rates = new SourceRates[3];
  private final long[][] idKeys = new long[3][];
  private final long accountKey;
  private final Life life;
  private final long[] lifeMixCdf;
  private final byte[][][] streetNames;

  public World(long seed, LocalDate asOf, Scenario scenario, Dictionaries dictionaries) {
    this.customers = Hash.domain(seed, 1);
    this.salesReps = Hash.domain(seed, 2);
    this.accountKey = Ids.accountKey(seed);
    this.asOfDay = (int) asOf.toEpochDay();
    this.dict = dictionaries;
    this.streetNames = streetNames(dictionaries);
    this.life = scenario.life();
    this.lifeMixCdf = Hash.cdf(life.mix());
    for (SourceSystem s : SourceSystem.values()) {
      SourceRates r = scenario.rates(s);
      rates[s.ordinal()] = r;
      copiesCdf[s.ordinal()] = r.copiesCdf();
      addressCdf[s.ordinal()] = r.addressFormatsCdf();
      phoneCdf[s.ordinal()] = r.phoneFormatsCdf();
      idKeys[s.ordinal()] = Ids.sourceRecordKeys(seed, s.ordinal());
    }
  }

  public long masterKey(long index) {
    return Hash.entity(customers, index);
  }

  /** How many records {@code source} holds for the master with key {@code masterKey}. */
  public int copies(long masterKey, SourceSystem source) {
    int s = source.ordinal();
    if (Hash.unit(Hash.of(masterKey, COVERED + 16 * s)) >= rates[s].coverage()) {
      return 0;
    }
    return 1 + Hash.pick(Hash.of(masterKey, COPIES + 16 * s), copiesCdf[s]);
  }

  /** Fills {@code m} with master customer {@code index}. */
  public void master(long index, Master m) {
    long k = masterKey(index);
    Dictionaries d = dict;
    m.index = index;
    m.key = k;
    m.female = (Hash.of(k, GENDER) & 1) == 0;
    m.first = Hash.below(Hash.of(k, FIRST), m.female ? d.femaleFirst.length : d.maleFirst.length);
    m.last = Hash.below(Hash.of(k, LAST), d.last.length);
    m.handleLast = m.last;
    m.place = Hash.below(Hash.of(k, PLACE), d.places());
    long codes = d.placeAreaCodes[m.place];
    int code = Hash.below(Hash.of(k, AREA), (int) (codes & 7));
    m.areaCode = (int) (codes >>> (3 + 10 * code)) & 1023;
    // Only exchanges in service for the area code (at least 86% of them, so few redraws).
    long h = Hash.of(k, EXCHANGE);
    do {
      m.exchange = 200 + Hash.below(h, 800);
      h = Hash.mix(h);
    } while (!d.validExchange(m.areaCode, m.exchange));
    m.line = Hash.below(Hash.of(k, LINE), 10_000);
    long sn = Hash.of(k, STREET_NUMBER);
    m.streetNumber = 1 + Hash.below(sn, (sn & 3) == 0 ? 99 : 9_999);
    m.street = Hash.below(Hash.of(k, STREET), d.last.length + d.maleFirst.length);
    m.streetSuffix = Hash.pick(Hash.of(k, SUFFIX), SUFFIX_CDF);
    long u = Hash.of(k, UNIT);
    m.unitKind = Hash.unit(u) < 0.25 ? Hash.pick(Hash.mix(u), UNIT_CDF) : -1;
    m.unitNumber = 1 + Hash.below(Hash.of(k, UNIT_NUMBER), 400);
    m.emailPattern = Hash.below(Hash.of(k, EMAIL_PATTERN), 5);
    long ed = Hash.of(k, EMAIL_DIGITS);
    m.emailDigits = Hash.unit(ed) < 0.4 ? 1 + Hash.below(Hash.mix(ed), 99) : -1;
    m.emailDomain = Hash.pick(Hash.of(k, DOMAIN), DOMAIN_CDF);
    // Age 18-90, triangular around the mid-forties.
    double age = 18 + 72 * (Hash.unit(Hash.of(k, AGE)) + Hash.unit(Hash.of(k, AGE2))) / 2 * 0.85;
    m.birthDay = asOfDay - (int) (age * 365.2425);
    m.companyPattern = Hash.below(Hash.of(k, COMPANY_PATTERN), 4);
    m.companyA = Hash.below(Hash.of(k, COMPANY_A), d.last.length);
    m.companyB = Hash.below(Hash.of(k, COMPANY_B), d.last.length);
    m.companySuffix = Hash.below(Hash.of(k, COMPANY_SUFFIX), d.companySuffix.length);
    m.jobSeniority = Hash.below(Hash.of(k, SENIORITY), d.jobSeniority.length);
    m.jobField = Hash.below(Hash.of(k, FIELD), d.jobField.length);
    m.jobPosition = Hash.below(Hash.of(k, POSITION), d.jobPosition.length);
    m.segment = Hash.pick(Hash.of(k, SEGMENT), SEGMENT_CDF);
    double income = Math.exp(INCOME_MU[m.segment]
        + INCOME_SIGMA[m.segment] * Hash.normal(Hash.of(k, INCOME)));
    m.incomeCents = Math.max(12_000L, Math.round(income / 100.0) * 100) * 100;
    // Registered in the last ten years, never before turning 18.
    int adult = m.birthDay + (int) (18 * 365.2425);
    m.registrationDay = Math.max(adult, asOfDay - 1 - Hash.below(Hash.of(k, REGISTRATION), 3_650));
    double a = Hash.unit(Hash.of(k, ACTIVITY));
    m.lastActivityDay = m.registrationDay + (int) ((asOfDay - m.registrationDay) * (1 - a * a * a));
    m.active = asOfDay - m.lastActivityDay <= 365;
    m.closed = false;
  }

  // ---------------------------------------------------------------- life (stream mode)

  /**
   * The opportunity (1 to {@link Life#OPPORTUNITIES}) at which the customer with key
   * {@code masterKey} closes its account, or {@code OPPORTUNITIES + 1} if it never does.
   */
  public int closingChance(long masterKey) {
    long h = Hash.of(masterKey, CLOSE_CHANCE);
    return Hash.unit(h) < life.closureRate()
        ? 1 + Hash.below(Hash.mix(h), Life.OPPORTUNITIES) : Life.OPPORTUNITIES + 1;
  }

  /**
   * What happens to the customer at opportunity {@code chance} (1-based), given its
   * {@link #closingChance}; null when nothing does (or the account is already closed).
   */
  public LifeEvent lifeEvent(long masterKey, int chance, int closingChance) {
    if (chance >= closingChance) {
      return chance == closingChance ? LifeEvent.CLOSE : null;
    }
    long h = Hash.of(masterKey, LIFE_CHANCE + chance);
    if (Hash.unit(h) >= life.perOpportunity()) {
      return null;
    }
    return LIFE_EVENTS[Hash.pick(Hash.mix(h), lifeMixCdf)];
  }

  /** Makes {@code m} a customer that appeared on {@code day}: registered and last active then. */
  public void appear(Master m, int day) {
    m.registrationDay = day;
    m.lastActivityDay = day;
    m.active = true;
    m.closed = false;
  }

  /**
   * Applies life event {@code e}, the one at opportunity {@code chance}, to {@code m} on
   * {@code day}; returns the columns whose values it changed, as a bit set of column ordinals.
   */
  public long live(Master m, LifeEvent e, int chance, int day) {
    long h = Hash.of(m.key, LIFE_DRAW + chance);
    Dictionaries d = dict;
    long changed = 0;
    switch (e) {
      case MOVE -> {
        int before = m.place;
        m.place = Hash.below(h, d.places());
        m.streetNumber = 1 + Hash.below(Hash.mix(h + 1), 9_999);
        m.street = Hash.below(Hash.mix(h + 2), d.last.length + d.maleFirst.length);
        m.streetSuffix = Hash.pick(Hash.mix(h + 3), SUFFIX_CDF);
        long u = Hash.mix(h + 4);
        m.unitKind = Hash.unit(u) < 0.25 ? Hash.pick(Hash.mix(u), UNIT_CDF) : -1;
        m.unitNumber = 1 + Hash.below(Hash.mix(h + 5), 400);
        changed = bit(Column.ADDRESS);
        long was = d.placeCityState[before];
        long is = d.placeCityState[m.place];
        if (was >>> 32 != is >>> 32) {
          changed |= bit(Column.CITY);
        }
        if ((int) was != (int) is) {
          changed |= bit(Column.STATE);
        }
        if (before != m.place) { // every place has a ZIP code of its own
          changed |= bit(Column.ZIP_CODE);
        }
      }
      case EMAIL -> {
        m.emailPattern = Hash.below(h, 5);
        long ed = Hash.mix(h + 1);
        m.emailDigits = Hash.unit(ed) < 0.4 ? 1 + Hash.below(Hash.mix(ed), 99) : -1;
        m.emailDomain = (m.emailDomain + 1 + Hash.below(Hash.mix(h + 2), DOMAINS.length - 1))
            % DOMAINS.length;
        changed = bit(Column.EMAIL);
      }
      case PHONE -> {
        long codes = d.placeAreaCodes[m.place];
        m.areaCode = (int) (codes >>> (3 + 10 * Hash.below(h, (int) (codes & 7)))) & 1023;
        long x = Hash.mix(h + 1);
        do {
          m.exchange = 200 + Hash.below(x, 800);
          x = Hash.mix(x);
        } while (!d.validExchange(m.areaCode, m.exchange));
        m.line = Hash.below(Hash.mix(h + 2), 10_000);
        changed = bit(Column.PHONE);
      }
      case NAME -> {
        m.last = (m.last + 1 + Hash.below(h, d.last.length - 1)) % d.last.length;
        changed = bit(Column.LAST_NAME) | bit(Column.FULL_NAME);
      }
      case CLOSE -> {
        m.active = false;
        m.closed = true;
        changed = bit(Column.IS_ACTIVE) | bit(Column.ACCOUNT_STATUS);
      }
    }
    if (day > m.lastActivityDay) {
      m.lastActivityDay = day;
      changed |= bit(Column.LAST_ACTIVITY_DATE);
    }
    return changed;
  }

  private static long bit(Column c) {
    return 1L << c.ordinal();
  }

  /** Fills {@code v} with the variation of record {@code copy} of {@code source} for {@code m}. */
  public void vary(Master m, SourceSystem source, int copy, Variation v) {
    int s = source.ordinal();
    SourceRates r = rates[s];
    long k = Hash.of(m.key, RECORD + 16 * s + copy);
    v.key = k;
    v.nameKind = Variation.NONE;
    if (Hash.unit(Hash.of(k, NAME_VARIED)) < r.nameVariation()) {
      double kind = Hash.unit(Hash.of(k, NAME_KIND));
      v.nameKind = kind < 0.40 ? Variation.NICKNAME : kind < 0.55 ? Variation.INITIAL
          : kind < 0.80 ? Variation.CASE : Variation.ORDER;
      byte[][] nicknames = (m.female ? dict.femaleNicknames : dict.maleNicknames)[m.first];
      if (v.nameKind == Variation.NICKNAME) {
        if (nicknames.length == 0) {
          v.nameKind = Variation.INITIAL;
        } else {
          v.nickname = Hash.below(Hash.of(k, NICKNAME), nicknames.length);
        }
      }
      v.upperCase = (Hash.of(k, NAME_CASE) & 1) == 0;
    }
    // Copies of one master get distinct formats, so duplicates never come out as clones.
    long master = Hash.of(m.key, RECORD + 16 * s + 15);
    v.addressFormat = (Hash.pick(Hash.of(master, ADDRESS_FORMAT), addressCdf[s]) + 3 * copy)
        % SourceRates.ADDRESS_FORMATS;
    v.phoneFormat = (Hash.pick(Hash.of(master, PHONE_FORMAT), phoneCdf[s]) + copy)
        % SourceRates.PHONE_FORMATS;
    v.domainChanged = Hash.unit(Hash.of(k, DOMAIN_CHANGED)) < r.emailDomainChange();
    v.emailDomain = v.domainChanged
        ? (m.emailDomain + 1 + Hash.below(Hash.of(k, NEW_DOMAIN), DOMAINS.length - 1)) % DOMAINS.length
        : m.emailDomain;
    v.missing = null;
    if (Hash.unit(Hash.of(k, MISSING)) < r.missing()) {
      int n = Variation.MISSING_COLUMNS.length;
      v.missing = Variation.MISSING_COLUMNS[(Hash.below(Hash.of(master, MISSING_COLUMN), n) + copy) % n];
    }
    v.typo = null;
    if (Hash.unit(Hash.of(k, TYPO)) < r.typo()) {
      int n = Variation.TYPO_COLUMNS.length;
      int t = Hash.below(Hash.of(k, TYPO_COLUMN), n);
      if (Variation.TYPO_COLUMNS[t] == v.missing) {
        t = (t + 1) % n;
      }
      v.typo = Variation.TYPO_COLUMNS[t];
      v.typoDraw = Hash.of(k, TYPO_DRAW);
    }
  }

  // ---------------------------------------------------------------- golden rows

  /** Writes master {@code m} as a golden {@code customers} row. */
  public void writeMaster(Master m, RowSink out) {
    Utf8Buffer b = out.text();
    int at = b.length();
    customerId(m.index, b);
    out.string(Column.CUSTOMER_ID, b.bytes(), at, b.length() - at);
    byte[] first = firstName(m);
    byte[] last = dict.last[m.last];
    out.string(Column.FIRST_NAME, first, 0, first.length);
    out.string(Column.LAST_NAME, last, 0, last.length);
    at = b.length();
    b.append(first).append(' ').append(last);
    out.string(Column.FULL_NAME, b.bytes(), at, b.length() - at);
    at = b.length();
    emailLocal(m, b).append('@').append(DOMAIN_UTF8[m.emailDomain]);
    out.string(Column.EMAIL, b.bytes(), at, b.length() - at);
    at = b.length();
    b.append("+1").appendDigits(m.areaCode, 3).appendDigits(m.exchange, 3).appendDigits(m.line, 4);
    out.string(Column.PHONE, b.bytes(), at, b.length() - at);
    at = b.length();
    address(m, 1, b);
    out.string(Column.ADDRESS, b.bytes(), at, b.length() - at);
    writePlace(m, out);
    out.date(Column.DATE_OF_BIRTH, m.birthDay);
    at = b.length();
    company(m, b);
    out.string(Column.COMPANY, b.bytes(), at, b.length() - at);
    at = b.length();
    jobTitle(m, b);
    out.string(Column.JOB_TITLE, b.bytes(), at, b.length() - at);
    writeStatus(m, out);
  }

  // ---------------------------------------------------------------- source rows

  /**
   * Writes record {@code copy} of {@code source} for master {@code m} as varied by {@code v}.
   * {@code customer_id} is written too if the sink keeps it (runs that embed the truth; the stream
   * writes it as null otherwise).
   */
  public void writeSource(Master m, SourceSystem source, int copy, Variation v, RowSink out) {
    Utf8Buffer b = out.text();
    int at = b.length();
    sourceRecordId(m.index, source, copy, b);
    out.string(Column.SOURCE_RECORD_ID, b.bytes(), at, b.length() - at);
    byte[] code = source.codeUtf8();
    out.string(Column.SOURCE_SYSTEM, code, 0, code.length);
    if (out.keeps(Column.CUSTOMER_ID)) {
      at = b.length();
      customerId(m.index, b);
      out.string(Column.CUSTOMER_ID, b.bytes(), at, b.length() - at);
    }

    // Names: composed in the buffer so that full_name repeats exactly what first/last hold.
    int firstAt = b.length();
    if (v.nameKind == Variation.NICKNAME) {
      b.append((m.female ? dict.femaleNicknames : dict.maleNicknames)[m.first][v.nickname]);
    } else if (v.nameKind == Variation.INITIAL) {
      b.append(firstName(m), 0, 1).append(INITIAL_DOT);
    } else {
      b.append(firstName(m));
    }
    caseName(v, b, firstAt);
    typo(v, Column.FIRST_NAME, b, firstAt, b.length());
    int firstEnd = b.length();
    int lastAt = b.length();
    b.append(dict.last[m.last]);
    caseName(v, b, lastAt);
    typo(v, Column.LAST_NAME, b, lastAt, b.length());
    int lastEnd = b.length();
    out.string(Column.FIRST_NAME, b.bytes(), firstAt, firstEnd - firstAt);
    out.string(Column.LAST_NAME, b.bytes(), lastAt, lastEnd - lastAt);
    at = b.length();
    if (v.nameKind == Variation.ORDER) {
      b.append(b.bytes(), lastAt, lastEnd - lastAt).append(',').append(' ')
          .append(b.bytes(), firstAt, firstEnd - firstAt);
    } else {
      b.append(b.bytes(), firstAt, firstEnd - firstAt).append(' ')
          .append(b.bytes(), lastAt, lastEnd - lastAt);
    }
    out.string(Column.FULL_NAME, b.bytes(), at, b.length() - at);

    if (v.missing == Column.EMAIL) {
      out.missing(Column.EMAIL);
    } else {
      at = b.length();
      emailLocal(m, b);
      typo(v, Column.EMAIL, b, at, b.length());
      b.append('@').append(DOMAIN_UTF8[v.emailDomain]);
      out.string(Column.EMAIL, b.bytes(), at, b.length() - at);
    }
    if (v.missing == Column.PHONE) {
      out.missing(Column.PHONE);
    } else {
      at = b.length();
      phone(m, v.phoneFormat, b);
      out.string(Column.PHONE, b.bytes(), at, b.length() - at);
    }
    if (v.missing == Column.ADDRESS) {
      out.missing(Column.ADDRESS);
    } else {
      at = b.length();
      address(m, v.addressFormat, b);
      typo(v, Column.ADDRESS, b, at, b.length());
      out.string(Column.ADDRESS, b.bytes(), at, b.length() - at);
    }
    at = b.length();
    b.append(dict.placeText, dict.placeAt[m.place] + Dictionaries.CITY, dict.cityLength(m.place));
    if (v.addressFormat == 4) {
      b.upper(at, b.length());
    }
    typo(v, Column.CITY, b, at, b.length());
    out.string(Column.CITY, b.bytes(), at, b.length() - at);
    writeStateAndZip(m, out);
    if (v.missing == Column.DATE_OF_BIRTH) {
      out.missing(Column.DATE_OF_BIRTH);
    } else {
      out.date(Column.DATE_OF_BIRTH, m.birthDay);
    }
    if (v.missing == Column.COMPANY) {
      out.missing(Column.COMPANY);
    } else {
      at = b.length();
      company(m, b);
      typo(v, Column.COMPANY, b, at, b.length());
      out.string(Column.COMPANY, b.bytes(), at, b.length() - at);
    }
    if (v.missing == Column.JOB_TITLE) {
      out.missing(Column.JOB_TITLE);
    } else {
      at = b.length();
      jobTitle(m, b);
      out.string(Column.JOB_TITLE, b.bytes(), at, b.length() - at);
    }
    writeStatus(m, out);
    switch (source) {
      case CRM -> writeCrm(v, b, out);
      case ERP -> writeErp(m, v, b, out);
      case ECOMMERCE -> writeEcommerce(m, v, b, out);
    }
  }

  /** Writes the {@code match_truth} row of record {@code copy} of {@code source} for master {@code index}. */
  public void writeTruth(long index, SourceSystem source, int copy, RowSink out) {
    Utf8Buffer b = out.text();
    byte[] code = source.codeUtf8();
    out.string(Column.SOURCE_SYSTEM, code, 0, code.length);
    int at = b.length();
    sourceRecordId(index, source, copy, b);
    out.string(Column.SOURCE_RECORD_ID, b.bytes(), at, b.length() - at);
    at = b.length();
    customerId(index, b);
    out.string(Column.CUSTOMER_ID, b.bytes(), at, b.length() - at);
  }

  private void writeCrm(Variation v, Utf8Buffer b, RowSink out) {
    long k = v.key;
    byte[] lead = LEAD_SOURCE_UTF8[Hash.pick(Hash.of(k, EXTRA_1), LEAD_SOURCE_CDF)];
    out.string(Column.LEAD_SOURCE, lead, 0, lead.length);
    int rep = Hash.below(Hash.of(k, EXTRA_2), SALES_REPS);
    long rk = Hash.entity(salesReps, rep);
    int at = b.length();
    b.append(dict.femaleFirst[Hash.below(Hash.of(rk, FIRST), dict.femaleFirst.length)]).append(' ')
        .append(dict.last[Hash.below(Hash.of(rk, LAST), dict.last.length)]);
    out.string(Column.SALES_REP, b.bytes(), at, b.length() - at);
    byte[] stage = DEAL_STAGE_UTF8[Hash.pick(Hash.of(k, EXTRA_3), DEAL_STAGE_CDF)];
    out.string(Column.DEAL_STAGE, stage, 0, stage.length);
  }

  private void writeErp(Master m, Variation v, Utf8Buffer b, RowSink out) {
    long k = v.key;
    int at = b.length();
    b.appendDigits(Ids.accountNumber(accountKey, m.index), 12);
    out.string(Column.ACCOUNT_NUMBER, b.bytes(), at, b.length() - at);
    long[] range = CREDIT_LIMIT[m.segment];
    long steps = (range[1] - range[0]) / 500;
    out.cents(Column.CREDIT_LIMIT,
        (range[0] + 500L * Hash.below(Hash.of(k, EXTRA_1), (int) steps + 1)) * 100);
    byte[] terms = PAYMENT_TERMS_UTF8[Hash.pick(Hash.of(k, EXTRA_2), PAYMENT_TERMS_CDF)];
    out.string(Column.PAYMENT_TERMS, terms, 0, terms.length);
    double u = Hash.unit(Hash.of(k, EXTRA_3));
    byte[] status = m.closed ? CLOSED
        : m.active ? (u < 0.92 ? ACTIVE : ON_HOLD) : (u < 0.70 ? CLOSED : ON_HOLD);
    out.string(Column.ACCOUNT_STATUS, status, 0, status.length);
  }

  private void writeEcommerce(Master m, Variation v, Utf8Buffer b, RowSink out) {
    long k = v.key;
    int at = b.length();
    byte[] last = dict.lastHandle[m.handleLast];
    b.append(firstHandle(m));
    long h = Hash.of(k, EXTRA_1);
    switch ((int) (h & 3)) {
      case 0 -> b.append('.').append(last);
      case 1 -> b.append('_').append(last);
      case 2 -> b.append(last);
      default -> b.append(last, 0, 1);
    }
    b.appendDigits(Hash.below(Hash.mix(h), 10_000), 2);
    out.string(Column.USERNAME, b.bytes(), at, b.length() - at);
    // Orders ~ geometric around the segment's mean; spend = orders x log-normal basket.
    double mean = ORDER_MEAN[m.segment];
    int orders = (int) Math.floor(Math.log(1 - Hash.unit(Hash.of(k, EXTRA_2)) * 0.999999)
        / Math.log(mean / (mean + 1)));
    out.int32(Column.TOTAL_ORDERS, orders);
    double basket = Math.exp(ORDER_VALUE_MU[m.segment] + 0.5 * Hash.normal(Hash.of(k, EXTRA_3)));
    out.cents(Column.TOTAL_SPENT, Math.round(orders * basket * 100));
    byte[] category = CATEGORY_UTF8[Hash.below(Hash.of(k, EXTRA_4), CATEGORIES.length)];
    out.string(Column.PREFERRED_CATEGORY, category, 0, category.length);
    out.bool(Column.MARKETING_OPT_IN, Hash.unit(Hash.of(k, EXTRA_5)) < 0.55);
  }

  // ---------------------------------------------------------------- shared pieces

  private void writePlace(Master m, RowSink out) {
    out.string(Column.CITY, dict.placeText, dict.placeAt[m.place] + Dictionaries.CITY,
        dict.cityLength(m.place));
    writeStateAndZip(m, out);
  }

  private void writeStateAndZip(Master m, RowSink out) {
    int at = dict.placeAt[m.place];
    out.string(Column.STATE, dict.placeText, at + Dictionaries.STATE, Dictionaries.CITY - Dictionaries.STATE);
    out.string(Column.ZIP_CODE, dict.placeText, at + Dictionaries.ZIP, Dictionaries.STATE - Dictionaries.ZIP);
  }

  private void writeStatus(Master m, RowSink out) {
    out.cents(Column.ANNUAL_INCOME, m.incomeCents);
    out.string(Column.CUSTOMER_SEGMENT, SEGMENT_UTF8[m.segment], 0, SEGMENT_UTF8[m.segment].length);
    out.date(Column.REGISTRATION_DATE, m.registrationDay);
    out.date(Column.LAST_ACTIVITY_DATE, m.lastActivityDay);
    out.bool(Column.IS_ACTIVE, m.active);
  }

  private static void customerId(long index, Utf8Buffer b) {
    b.append(CUST).appendDigits(index, 10);
  }

  private void sourceRecordId(long index, SourceSystem source, int copy, Utf8Buffer b) {
    b.append(source.idPrefix());
    Ids.base32(Ids.sourceRecord(idKeys[source.ordinal()], index, copy), b);
  }

  private byte[] firstName(Master m) {
    return (m.female ? dict.femaleFirst : dict.maleFirst)[m.first];
  }

  private byte[] firstHandle(Master m) {
    return (m.female ? dict.femaleFirstHandle : dict.maleFirstHandle)[m.first];
  }

  /**
   * The email address's local part in one of five patterns: 0 first.last, 1 firstlast, 2 flast,
   * 3 first_last, 4 firstl; then two digits for some. Composed without branching on the pattern.
   */
  private Utf8Buffer emailLocal(Master m, Utf8Buffer b) {
    byte[] first = firstHandle(m);
    byte[] last = dict.lastHandle[m.handleLast];
    int p = m.emailPattern;
    byte separator = EMAIL_SEPARATOR[p];
    b.append(first, 0, p == 2 ? 1 : first.length).appendIf(separator != 0, separator)
        .append(last, 0, p == 4 ? 1 : last.length);
    int at = b.length();
    b.appendDigits(Math.max(m.emailDigits, 0), 2);
    b.truncate(m.emailDigits >= 0 ? b.length() : at);
    return b;
  }

  private static final byte[] EMAIL_SEPARATOR = {'.', 0, 0, '_', 0};

  /**
   * The phone number in one of five formats, copied from a template by format, digits put in
   * place: branches on a format drawn per record mispredict.
   */
  private static void phone(Master m, int format, Utf8Buffer b) {
    int at = b.appendTemplate(PHONE_TEMPLATE[format], PHONE_LENGTH[format]);
    b.putDigits(at + PHONE_AREA_AT[format], m.areaCode, 3);
    b.putDigits(at + PHONE_EXCHANGE_AT[format], m.exchange, 3);
    b.putDigits(at + PHONE_LINE_AT[format], m.line, 4);
  }

  /** 0 "(555) 234-5678", 1 "555-234-5678", 2 "555.234.5678", 3 "5552345678", 4 "+1 555 234 5678". */
  private static final String[] PHONE_FORMATS = {"(AAA) EEE-LLLL", "AAA-EEE-LLLL", "AAA.EEE.LLLL",
      "AAAEEELLLL", "+1 AAA EEE LLLL"};
  private static final byte[][] PHONE_TEMPLATE = new byte[PHONE_FORMATS.length][];
  private static final int[] PHONE_LENGTH = new int[PHONE_FORMATS.length];
  private static final int[] PHONE_AREA_AT = new int[PHONE_FORMATS.length];
  private static final int[] PHONE_EXCHANGE_AT = new int[PHONE_FORMATS.length];
  private static final int[] PHONE_LINE_AT = new int[PHONE_FORMATS.length];

  static {
    for (int f = 0; f < PHONE_FORMATS.length; f++) {
      String format = PHONE_FORMATS[f];
      PHONE_TEMPLATE[f] = Arrays.copyOf(ascii(format), Utf8Buffer.TEMPLATE);
      PHONE_LENGTH[f] = format.length();
      PHONE_AREA_AT[f] = format.indexOf('A');
      PHONE_EXCHANGE_AT[f] = format.indexOf('E');
      PHONE_LINE_AT[f] = format.indexOf('L');
    }
  }

  /**
   * The street line in one of seven formats: 0 "12 Oak Avenue, Apartment 4", 1 "12 Oak Ave Apt 4"
   * (USPS style, the golden form), 2 "12 Oak Ave. Apt. 4", 3 "12 Oak Ave #4", 4 "12 OAK AVE APT 4",
   * 5 "12 oak avenue, apartment 4", 6 "12 Oak Avenue Apt 4". Each piece comes from a table by
   * format, already in the format's case: branches on a format drawn per record mispredict.
   */
  private void address(Master m, int format, Utf8Buffer b) {
    b.appendDigits(m.streetNumber, 1).append(' ')
        .append(streetNames[ADDRESS_CASE[format]][m.street])
        .append(SUFFIX_TEXT[format][m.streetSuffix]);
    if (m.unitKind >= 0) {
      b.append(UNIT_TEXT[format][m.unitKind]).appendDigits(m.unitNumber, 1);
    }
  }

  /** Text case of each address format: as written (0), upper (1: format 4), lower (2: format 5). */
  private static final int[] ADDRESS_CASE = {0, 0, 0, 0, 1, 2, 0};

  /** The pieces of the street line after the street name, by format and suffix or unit kind. */
  private static final byte[][][] SUFFIX_TEXT = new byte[SourceRates.ADDRESS_FORMATS][][];
  private static final byte[][][] UNIT_TEXT = new byte[SourceRates.ADDRESS_FORMATS][][];

  static {
    for (int f = 0; f < SourceRates.ADDRESS_FORMATS; f++) {
      boolean fullSuffix = f == 0 || f == 5 || f == 6;
      boolean fullUnit = f == 0 || f == 5;
      SUFFIX_TEXT[f] = new byte[SUFFIXES.length][];
      for (int i = 0; i < SUFFIXES.length; i++) {
        boolean dot = f == 2 && !SUFFIXES[i][1].equals(SUFFIXES[i][0]);
        SUFFIX_TEXT[f][i] = cased(ADDRESS_CASE[f],
            ascii(" " + SUFFIXES[i][fullSuffix ? 0 : 1] + (dot ? "." : "")));
      }
      UNIT_TEXT[f] = new byte[UNITS.length][];
      for (int i = 0; i < UNITS.length; i++) {
        boolean dot = f == 2 && i != 2;
        UNIT_TEXT[f][i] = cased(ADDRESS_CASE[f], ascii(f == 3 ? " #"
            : (fullUnit ? ", " : " ") + UNITS[i][fullUnit ? 0 : 1] + (dot ? ". " : " ")));
      }
    }
  }

  /** {@code text} as is (0), upper-cased (1) or lower-cased (2), as {@link Utf8Buffer} does. */
  private static byte[] cased(int textCase, byte[] text) {
    Utf8Buffer b = new Utf8Buffer().append(text);
    if (textCase == 1) {
      b.upper(0, b.length());
    } else if (textCase == 2) {
      b.lower(0, b.length());
    }
    return Arrays.copyOf(b.bytes(), b.length());
  }

  /** Street names (last names, then male first names) in each address case. */
  private static byte[][][] streetNames(Dictionaries d) {
    byte[][][] out = new byte[3][d.last.length + d.maleFirst.length][];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < out[c].length; i++) {
        out[c][i] = cased(c, i < d.last.length ? d.last[i] : d.maleFirst[i - d.last.length]);
      }
    }
    return out;
  }

  /** 0 and 1 "Smith Group", 2 "Smith-Jones", 3 "Smith, Jones and Brown". */
  private void company(Master m, Utf8Buffer b) {
    int p = m.companyPattern;
    b.append(dict.last[m.companyA]).append(COMPANY_JOIN[p])
        .append(p < 2 ? dict.companySuffix[m.companySuffix] : dict.last[m.companyB]);
    if (p == 3) {
      b.append(" and ").append(dict.last[(m.companyA + m.companyB + 1) % dict.last.length]);
    }
  }

  private static final byte[][] COMPANY_JOIN = {ascii(" "), ascii(" "), ascii("-"), ascii(", ")};

  private void jobTitle(Master m, Utf8Buffer b) {
    b.append(dict.jobSeniority[m.jobSeniority]).append(' ').append(dict.jobField[m.jobField])
        .append(' ').append(dict.jobPosition[m.jobPosition]);
  }

  private static void caseName(Variation v, Utf8Buffer b, int from) {
    if (v.nameKind == Variation.CASE) {
      if (v.upperCase) {
        b.upper(from, b.length());
      } else {
        b.lower(from, b.length());
      }
    }
  }

  private static void typo(Variation v, Column column, Utf8Buffer b, int from, int to) {
    if (v.typo == column) {
      Typos.apply(v.typoDraw, b, from, to);
    }
  }

  private static final byte[][] LEAD_SOURCE_UTF8 = ascii(LEAD_SOURCES);
  private static final byte[][] DEAL_STAGE_UTF8 = ascii(DEAL_STAGES);
  private static final byte[][] PAYMENT_TERMS_UTF8 = ascii(PAYMENT_TERMS);
  private static final byte[][] CATEGORY_UTF8 = ascii(CATEGORIES);
  private static final byte[] ACTIVE = ascii("Active");
  private static final byte[] ON_HOLD = ascii("On Hold");
  private static final byte[] CLOSED = ascii("Closed");

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[][] ascii(String[] words) {
    byte[][] out = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      out[i] = ascii(words[i]);
    }
    return out;
  }
}
