package io.mdmgen.world;

/**
 * The rows of the world: a master as its golden {@code customers} row, a varied master as a
 * source system's record, and a record's {@code match_truth} row.
 */
final class Records {
  private static final byte[] CUST = Text.ascii("CUST-");
  private static final byte[] HOUSEHOLD = Text.ascii("HH-");
  private static final byte[] INITIAL_DOT = Text.ascii(".");

  private final Dictionaries dict;
  private final Misspellings misspellings;
  private final Addresses addresses;
  private final Emails emails;
  private final Occupations occupations;
  private final long[][] idKeys = new long[SourceSystem.values().length][];
  private final SourceColumns[] columns = new SourceColumns[SourceSystem.values().length];

  Records(long seed, int asOfDay, Dictionaries dictionaries, Addresses addresses, Emails emails,
      Occupations occupations) {
    this.dict = dictionaries;
    this.misspellings = dictionaries.misspellings;
    this.addresses = addresses;
    this.emails = emails;
    this.occupations = occupations;
    for (SourceSystem s : SourceSystem.values()) {
      idKeys[s.ordinal()] = Ids.sourceRecordKeys(seed, s.ordinal());
      columns[s.ordinal()] = s.columns(seed, asOfDay, dictionaries);
    }
  }

  /** See {@link World#writeMaster}. */
  void master(Master m, RowSink out) {
    Utf8Buffer b = out.text();
    int at = b.length();
    customerId(m.index, b);
    Text.put(out, Column.CUSTOMER_ID, b, at);
    byte[] first = dict.firstName(m);
    Text.put(out, Column.FIRST_NAME, first);
    dict.last.put(out, Column.LAST_NAME, m.last);
    at = b.length();
    dict.last.append(b.append(first).append(' '), m.last);
    Text.put(out, Column.FULL_NAME, b, at);
    at = b.length();
    emails.local(m, b);
    Emails.at(m.emailDomain, b);
    Text.put(out, Column.EMAIL, b, at);
    at = b.length();
    Phones.e164(m, b);
    Text.put(out, Column.PHONE, b, at);
    at = b.length();
    addresses.street(m.home, Addresses.GOLDEN_FORMAT, b);
    Text.put(out, Column.ADDRESS, b, at);
    at = b.length();
    addresses.city(m.home, b);
    Text.put(out, Column.CITY, b, at);
    addresses.stateAndZip(m.home, out);
    out.date(Column.DATE_OF_BIRTH, m.birthDay);
    occupations.writeCompany(m, out);
    occupations.writeJobTitle(m, out);
    Standing.write(m, out);
    if (m.middle >= 0) {
      Text.put(out, Column.MIDDLE_NAME, dict.firstName(m.female, m.middle));
    } else {
      out.missing(Column.MIDDLE_NAME);
    }
    if (m.suffix != People.NO_SUFFIX) {
      Text.put(out, Column.NAME_SUFFIX, People.SUFFIXES[m.suffix]);
    } else {
      out.missing(Column.NAME_SUFFIX);
    }
    at = b.length();
    b.append(HOUSEHOLD).appendDigits(m.household, 10);
    Text.put(out, Column.HOUSEHOLD_ID, b, at);
  }

  /** See {@link World#writeSource}. */
  void source(Master m, SourceSystem source, int copy, Variation v, RowSink out) {
    Utf8Buffer b = out.text();
    int at = b.length();
    sourceRecordId(m.index, source, copy, b);
    Text.put(out, Column.SOURCE_RECORD_ID, b, at);
    Text.put(out, Column.SOURCE_SYSTEM, source.codeUtf8());
    if (out.keeps(Column.CUSTOMER_ID)) {
      at = b.length();
      customerId(m.index, b);
      Text.put(out, Column.CUSTOMER_ID, b, at);
    }
    names(m, v, b, out);
    Address home = m.addressIn(v);

    if (v.missing == Column.EMAIL) {
      out.missing(Column.EMAIL);
    } else {
      at = b.length();
      emails.local(m, b);
      typo(v, Column.EMAIL, b, at, b.length());
      Emails.at(v.emailDomain, b);
      Text.put(out, Column.EMAIL, b, at);
    }
    if (v.missing == Column.PHONE) {
      out.missing(Column.PHONE);
    } else {
      at = b.length();
      Phones.format(m, v.phoneFormat, b);
      if (v.has(Corruption.Kind.PHONE_DIGIT)) {
        Digits.phone(Hash.of(v.digitDraw, Column.PHONE.ordinal()), b, at, b.length());
      }
      Text.put(out, Column.PHONE, b, at);
    }
    if (v.missing == Column.ADDRESS) {
      out.missing(Column.ADDRESS);
    } else {
      at = b.length();
      addresses.street(home, v.addressFormat, b);
      truncate(v, Column.ADDRESS, b, at, 8);
      typo(v, Column.ADDRESS, b, at, b.length());
      Text.put(out, Column.ADDRESS, b, at);
    }
    at = b.length();
    addresses.city(home, b);
    int end = misspell(v, Column.CITY, b, at, b.length());
    if (v.addressFormat == Addresses.UPPER_FORMAT) {
      b.upper(at, end);
    }
    typo(v, Column.CITY, b, at, b.length());
    Text.put(out, Column.CITY, b, at);
    if (v.has(Corruption.Kind.ZIP_DIGIT)) {
      addresses.state(home, out);
      at = b.length();
      addresses.zip(home, b);
      Digits.replaceOne(Hash.of(v.digitDraw, Column.ZIP_CODE.ordinal()), b, at, b.length(), 1);
      Text.put(out, Column.ZIP_CODE, b, at);
    } else {
      addresses.stateAndZip(home, out);
    }
    if (v.missing == Column.DATE_OF_BIRTH) {
      out.missing(Column.DATE_OF_BIRTH);
    } else {
      int day = m.birthDay;
      if (v.has(Corruption.Kind.DOB_SWAP)) {
        day = Digits.swapDayAndMonth(day);
      }
      if (v.has(Corruption.Kind.DOB_DIGIT)) {
        day = Digits.wrongDigit(v.digitDraw, day);
      }
      out.date(Column.DATE_OF_BIRTH, day);
    }
    if (v.missing == Column.COMPANY || m.companyPattern < 0) {
      out.missing(Column.COMPANY);
    } else {
      at = b.length();
      occupations.company(m, b);
      typo(v, Column.COMPANY, b, at, b.length());
      Text.put(out, Column.COMPANY, b, at);
    }
    if (v.missing == Column.JOB_TITLE) {
      out.missing(Column.JOB_TITLE);
    } else {
      occupations.writeJobTitle(m, out);
    }
    columns[source.ordinal()].write(m, v, out);
  }

  /**
   * First, last and full name, composed in the buffer so that full_name repeats exactly what
   * first and last hold: each name's text, then its spelling errors, then the record's case, then
   * a typo; first and last swap fields if the record has them swapped.
   */
  private void names(Master m, Variation v, Utf8Buffer b, RowSink out) {
    int firstAt = b.length();
    if (v.nameKind == Variation.INITIAL) {
      b.append(dict.firstName(m), 0, 1).append(INITIAL_DOT);
    } else {
      b.append(dict.firstName(m, v));
      misspell(v, Column.FIRST_NAME, b, firstAt, b.length());
      truncate(v, Column.FIRST_NAME, b, firstAt, 2);
    }
    if (v.middleShown == 1) {
      b.append(' ').append(dict.firstName(m.female, m.middle), 0, 1);
    }
    caseName(v, b, firstAt);
    typo(v, Column.FIRST_NAME, b, firstAt, b.length());
    int firstEnd = b.length();
    int lastAt = b.length();
    dict.last.append(b, m.last);
    misspell(v, Column.LAST_NAME, b, lastAt, b.length());
    truncate(v, Column.LAST_NAME, b, lastAt, 2);
    if (v.suffixShown == 1) {
      b.append(' ').append(People.SHORT_SUFFIXES[m.suffix]);
    }
    caseName(v, b, lastAt);
    typo(v, Column.LAST_NAME, b, lastAt, b.length());
    int lastEnd = b.length();
    if (v.has(Corruption.Kind.SWAP_NAMES)) {
      int at = firstAt;
      int end = firstEnd;
      firstAt = lastAt;
      firstEnd = lastEnd;
      lastAt = at;
      lastEnd = end;
    }
    out.string(Column.FIRST_NAME, b.bytes(), firstAt, firstEnd - firstAt);
    out.string(Column.LAST_NAME, b.bytes(), lastAt, lastEnd - lastAt);
    int at = b.length();
    if (v.nameKind == Variation.ORDER) {
      b.append(b.bytes(), lastAt, lastEnd - lastAt).append(',').append(' ')
          .append(b.bytes(), firstAt, firstEnd - firstAt);
      middleInFullName(m, v, b, at);
    } else {
      b.append(b.bytes(), firstAt, firstEnd - firstAt);
      middleInFullName(m, v, b, at);
      b.append(' ').append(b.bytes(), lastAt, lastEnd - lastAt);
    }
    if (v.suffixShown == 2) {
      b.append(' ').append(People.SUFFIXES[m.suffix]);
    }
    Text.put(out, Column.FULL_NAME, b, at);
  }

  /** Appends " A." for a record that shows the middle initial in its full name, in the record's case. */
  private void middleInFullName(Master m, Variation v, Utf8Buffer b, int fullAt) {
    if (v.middleShown == 2) {
      int at = b.length();
      b.append(' ').append(dict.firstName(m.female, m.middle), 0, 1).append('.');
      if (v.nameKind == Variation.CASE && !v.upperCase) {
        b.lower(at, b.length());
      }
    }
  }

  /** Applies the record's OCR confusion or phonetic respelling to {@code column}; returns its end. */
  private int misspell(Variation v, Column column, Utf8Buffer b, int from, int to) {
    if (v.ocr == column) {
      return misspellings.ocr(v.ocrDraw, b, from, to);
    }
    if (v.phonetic == column) {
      return misspellings.phonetic(v.phoneticDraw, b, from, to);
    }
    return to;
  }

  /** Cuts {@code column}, which runs from {@code from} to the buffer's end, if the record does. */
  private static void truncate(Variation v, Column column, Utf8Buffer b, int from, int keep) {
    if (v.truncated == column) {
      int length = b.length() - from;
      int min = Math.min(Math.max(keep, length / 2), length - 1);
      b.truncate(from + min + Hash.below(v.truncateDraw, Math.max(1, length - min)));
    }
  }

  /** See {@link World#writeTruth}. */
  void truth(long index, SourceSystem source, int copy, RowSink out) {
    Utf8Buffer b = out.text();
    Text.put(out, Column.SOURCE_SYSTEM, source.codeUtf8());
    int at = b.length();
    sourceRecordId(index, source, copy, b);
    Text.put(out, Column.SOURCE_RECORD_ID, b, at);
    at = b.length();
    customerId(index, b);
    Text.put(out, Column.CUSTOMER_ID, b, at);
  }

  private static final byte[][] REASONS = Text.ascii("junior_senior", "twins", "family", "household");

  /** See {@link World#writeHardNegative}. */
  void hardNegative(Master m, Master other, RowSink out) {
    Utf8Buffer b = out.text();
    int at = b.length();
    customerId(m.index, b);
    Text.put(out, Column.CUSTOMER_ID, b, at);
    at = b.length();
    customerId(other.index, b);
    Text.put(out, Column.OTHER_CUSTOMER_ID, b, at);
    boolean surname = m.last == other.last;
    int reason = m.suffix == People.JR && other.suffix == People.SR && surname
        && m.first == other.first && m.female == other.female ? 0
        : surname && m.birthDay == other.birthDay ? 1 : surname ? 2 : 3;
    Text.put(out, Column.REASON, REASONS[reason]);
  }

  private static void customerId(long index, Utf8Buffer b) {
    b.append(CUST).appendDigits(index, 10);
  }

  private void sourceRecordId(long index, SourceSystem source, int copy, Utf8Buffer b) {
    b.append(source.idPrefixUtf8());
    Ids.base32(Ids.sourceRecord(idKeys[source.ordinal()], index, copy), b);
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
}
