package io.mdmgen.world;

import static io.mdmgen.world.Fields.ADDRESS_FORMAT;
import static io.mdmgen.world.Fields.DOMAIN_CHANGED;
import static io.mdmgen.world.Fields.ERROR;
import static io.mdmgen.world.Fields.ERROR_WHERE;
import static io.mdmgen.world.Fields.MESSY;
import static io.mdmgen.world.Fields.MISSING_COLUMN;
import static io.mdmgen.world.Fields.NAME_CASE;
import static io.mdmgen.world.Fields.NAME_KIND;
import static io.mdmgen.world.Fields.NAME_VARIED;
import static io.mdmgen.world.Fields.NEW_DOMAIN;
import static io.mdmgen.world.Fields.NICKNAME;
import static io.mdmgen.world.Fields.PHONE_FORMAT;
import static io.mdmgen.world.Fields.RECORD;

import io.mdmgen.world.Corruption.Kind;

/**
 * How each system's records depart from their master: the decisions of {@link Variation}. Each
 * kind of error lands only where it visibly changes the record (a field the record has, a name
 * the rule applies to, a date whose day could be a month), and each field takes at most one
 * spelling error, so an error drawn is an error a reader of the output can find.
 */
final class Variations {
  /** Of all birth dates, those whose day and month can be swapped: day 1-12, not the month. */
  private static final double SWAPPABLE = 132 / 365.25;
  private static final Column[] SPELLED = {Column.FIRST_NAME, Column.LAST_NAME, Column.CITY};
  private static final Column[] NAMES = {Column.FIRST_NAME, Column.LAST_NAME};
  private static final Column[] TRUNCATED = {Column.FIRST_NAME, Column.LAST_NAME, Column.ADDRESS};

  private final Dictionaries dict;
  private final Misspellings misspellings;
  private final SourceRates[] rates = new SourceRates[SourceSystem.values().length];
  private final long[][] addressCdf = new long[rates.length][];
  private final long[][] phoneCdf = new long[rates.length][];
  /** Per system and kind: the chance of that error in a tidy record and in a messy one. */
  private final double[][] tidy = new double[rates.length][Kind.ALL.length];
  private final double[][] messy = new double[rates.length][Kind.ALL.length];

  Variations(Scenario scenario, Dictionaries dictionaries) {
    this.dict = dictionaries;
    this.misspellings = dictionaries.misspellings;
    for (SourceSystem s : SourceSystem.values()) {
      SourceRates r = scenario.rates(s);
      int i = s.ordinal();
      rates[i] = r;
      addressCdf[i] = r.addressFormatsCdf();
      phoneCdf[i] = r.phoneFormatsCdf();
      Corruption c = r.corruption();
      for (Kind k : Kind.ALL) {
        double chance = c.tidyChance(k) / (k == Kind.DOB_SWAP ? SWAPPABLE : 1);
        tidy[i][k.ordinal()] = chance;
        messy[i][k.ordinal()] = chance * c.messyFactor();
      }
    }
  }

  /** See {@link World#vary}. */
  void vary(Master m, SourceSystem source, int copy, Variation v) {
    int s = source.ordinal();
    SourceRates r = rates[s];
    long k = Hash.of(m.key, RECORD + 16 * s + copy);
    v.key = k;
    v.copy = copy;
    v.nameKind = Variation.NONE;
    if (Hash.unit(Hash.of(k, NAME_VARIED)) < r.nameVariation()) {
      double kind = Hash.unit(Hash.of(k, NAME_KIND));
      v.nameKind = kind < 0.40 ? Variation.NICKNAME : kind < 0.55 ? Variation.INITIAL
          : kind < 0.80 ? Variation.CASE : Variation.ORDER;
      byte[][] nicknames = dict.nicknames(m);
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
        ? Emails.otherDomain(m.emailDomain, Hash.of(k, NEW_DOMAIN)) : m.emailDomain;
    long shown = Hash.of(k, Fields.MIDDLE_SHOWN);
    v.middleShown = m.middle >= 0 && Hash.unit(shown) < 0.3 ? 1 + (int) (shown & 1) : 0;
    long suffix = Hash.of(k, Fields.SUFFIX_SHOWN);
    v.suffixShown = m.suffix != People.NO_SUFFIX && Hash.unit(suffix) < 0.6
        ? ((suffix & 3) == 0 ? 1 : 2) : 0;
    v.staleAddress = m.moved && Hash.unit(Hash.of(k, Fields.STALE)) < r.staleAddress();
    errors(m, s, copy, k, master, v);
  }

  private void errors(Master m, int s, int copy, long k, long master, Variation v) {
    double[] chance = Hash.unit(Hash.of(k, MESSY)) < rates[s].corruption().messyShare()
        ? messy[s] : tidy[s];
    v.errors = 0;
    v.missing = null;
    v.typo = null;
    v.ocr = null;
    v.phonetic = null;
    v.truncated = null;
    v.digitDraw = Hash.of(k, ERROR_WHERE + Kind.DOB_DIGIT.ordinal());
    long taken = 0; // columns that already carry an error (or are missing)
    if (drawn(k, Kind.MISSING, chance)) {
      int n = Variation.MISSING_COLUMNS.length;
      int first = (Hash.below(Hash.of(master, MISSING_COLUMN), n) + copy) % n;
      for (int i = 0; i < n && v.missing == null; i++) {
        Column c = Variation.MISSING_COLUMNS[(first + i) % n];
        if (has(m, c)) {
          v.missing = c;
          v.errors |= Kind.MISSING.bit();
          taken |= World.bit(c);
        }
      }
    }
    if (drawn(k, Kind.TRUNCATE, chance)) {
      long candidates = 0;
      for (Column c : TRUNCATED) {
        if ((taken & World.bit(c)) == 0 && truncatable(m, v, c)) {
          candidates |= World.bit(c);
        }
      }
      v.truncated = pick(candidates, Hash.of(k, ERROR_WHERE + Kind.TRUNCATE.ordinal()));
      v.truncateDraw = Hash.mix(Hash.of(k, ERROR_WHERE + Kind.TRUNCATE.ordinal()));
      taken |= mark(v, v.truncated, Kind.TRUNCATE);
    }
    if (drawn(k, Kind.PHONETIC, chance)) {
      long candidates = misspellable(m, v, taken, NAMES, false);
      v.phonetic = pick(candidates, Hash.of(k, ERROR_WHERE + Kind.PHONETIC.ordinal()));
      v.phoneticDraw = Hash.mix(Hash.of(k, ERROR_WHERE + Kind.PHONETIC.ordinal()));
      taken |= mark(v, v.phonetic, Kind.PHONETIC);
    }
    if (drawn(k, Kind.OCR, chance)) {
      long candidates = misspellable(m, v, taken, SPELLED, true);
      v.ocr = pick(candidates, Hash.of(k, ERROR_WHERE + Kind.OCR.ordinal()));
      v.ocrDraw = Hash.mix(Hash.of(k, ERROR_WHERE + Kind.OCR.ordinal()));
      taken |= mark(v, v.ocr, Kind.OCR);
    }
    if (drawn(k, Kind.TYPO, chance)) {
      long candidates = 0;
      for (Column c : Variation.TYPO_COLUMNS) {
        if ((taken & World.bit(c)) == 0 && has(m, c)) {
          candidates |= World.bit(c);
        }
      }
      v.typo = pick(candidates, Hash.of(k, Fields.TYPO_COLUMN));
      v.typoDraw = Hash.of(k, Fields.TYPO_DRAW);
      taken |= mark(v, v.typo, Kind.TYPO);
    }
    if (drawn(k, Kind.SWAP_NAMES, chance)
        && !dict.last.is(m.last, dict.firstName(m, v))) {
      v.errors |= Kind.SWAP_NAMES.bit();
    }
    if (v.missing != Column.DATE_OF_BIRTH) {
      if (drawn(k, Kind.DOB_SWAP, chance) && Digits.swappable(m.birthDay)) {
        v.errors |= Kind.DOB_SWAP.bit();
      }
      if (drawn(k, Kind.DOB_DIGIT, chance)) {
        v.errors |= Kind.DOB_DIGIT.bit();
      }
    }
    if (drawn(k, Kind.ZIP_DIGIT, chance)) {
      v.errors |= Kind.ZIP_DIGIT.bit();
    }
    if (v.missing != Column.PHONE && drawn(k, Kind.PHONE_DIGIT, chance)) {
      v.errors |= Kind.PHONE_DIGIT.bit();
    }
  }

  /** Of {@code columns}, those not {@code taken} that an OCR confusion (or a phonetic rule) changes. */
  private long misspellable(Master m, Variation v, long taken, Column[] columns, boolean ocr) {
    long candidates = 0;
    for (Column c : columns) {
      if ((taken & World.bit(c)) == 0 && spellable(m, v, c) && choices(m, v, c, ocr) > 0) {
        candidates |= World.bit(c);
      }
    }
    return candidates;
  }

  private static boolean drawn(long k, Kind kind, double[] chance) {
    return Hash.unit(Hash.of(k, ERROR + kind.ordinal())) < chance[kind.ordinal()];
  }

  /** Records {@code kind} as realized on {@code c}, if there is one; returns its column bit. */
  private static long mark(Variation v, Column c, Kind kind) {
    if (c == null) {
      return 0;
    }
    v.errors |= kind.bit();
    return World.bit(c);
  }

  /** One of the columns in {@code candidates}, by {@code draw}; null for none. */
  private static Column pick(long candidates, long draw) {
    int n = Long.bitCount(candidates);
    if (n == 0) {
      return null;
    }
    for (int i = Hash.below(draw, n); i > 0; i--) {
      candidates &= candidates - 1;
    }
    return COLUMNS[Long.numberOfTrailingZeros(candidates)];
  }

  private static final Column[] COLUMNS = Column.values();

  /** Whether master {@code m} has a value in optional column {@code c}. */
  private static boolean has(Master m, Column c) {
    return switch (c) {
      case COMPANY -> m.companyPattern >= 0;
      case JOB_TITLE -> m.jobSeniority >= 0;
      default -> true;
    };
  }

  /** Whether names and cities can be misspelled here: not an initial, not missing. */
  private static boolean spellable(Master m, Variation v, Column c) {
    return c != Column.FIRST_NAME || v.nameKind != Variation.INITIAL;
  }

  private int choices(Master m, Variation v, Column c, boolean ocr) {
    byte[] text;
    int from = 0;
    int to;
    if (c == Column.FIRST_NAME) {
      text = dict.firstName(m, v);
      to = text.length;
    } else if (c == Column.LAST_NAME) {
      text = dict.last.text();
      from = dict.last.at(m.last);
      to = from + dict.last.length(m.last);
    } else {
      text = dict.places.text();
      Address a = m.addressIn(v);
      from = dict.places.cityAt(a.place);
      to = from + dict.places.cityLength(a.place);
    }
    return ocr ? misspellings.ocrChoices(text, from, to) : misspellings.phoneticChoices(text, from, to);
  }

  private boolean truncatable(Master m, Variation v, Column c) {
    return switch (c) {
      case FIRST_NAME -> v.nameKind != Variation.INITIAL && dict.firstName(m, v).length >= 5;
      case LAST_NAME -> dict.last.length(m.last) >= 5;
      default -> v.missing != Column.ADDRESS;
    };
  }
}
