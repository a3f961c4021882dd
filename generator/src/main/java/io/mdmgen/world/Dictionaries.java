package io.mdmgen.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.datafaker.Faker;

/**
 * The word lists the world picks from, loaded once per JVM and held as UTF-8 bytes so rows are
 * composed without allocating. Surnames (2010 Census), first names by sex and decade of birth
 * (SSA), places with their populations (ZIP, city, state, area codes), street names and
 * nicknames are real tables shipped with mdmgen (see scripts/build-reference-data.py), each with
 * its frequencies; company suffixes and job titles are Datafaker's English locale data.
 */
public final class Dictionaries {
  /** First names by sex, and by sex and decade of birth their weights (SSA baby names). */
  final byte[][] maleFirst;
  final byte[][] femaleFirst;
  static final int FIRST_DECADE = 1920, DECADES = 9;
  private final Weighted[] maleFirstByDecade;
  private final Weighted[] femaleFirstByDecade;
  private final int[][] maleFirstOfDecade;
  private final int[][] femaleFirstOfDecade;
  final byte[][][] maleNicknames;
  final byte[][][] femaleNicknames;
  /** Surnames, and their weights (2010 Census counts). */
  final Words last;
  final Weighted lastWeights;
  /** Each surname's share of people, and each first name's share of its sex. */
  final double[] lastShare;
  private final double[] maleFirstShare;
  private final double[] femaleFirstShare;
  /**
   * Street names, without type or direction, by frequency; a draw of {@link #streetWeights}
   * beyond them (0, the long tail) means a street named after a surname.
   */
  final byte[][] streets;
  final Weighted streetWeights;
  /** Names as they appear in emails and usernames: ASCII letters and digits, lower case. */
  final byte[][] maleFirstHandle;
  final byte[][] femaleFirstHandle;
  final byte[][] companySuffix;
  /** OCR confusions and phonetic respellings. */
  final Misspellings misspellings;
  final byte[][] jobSeniority;
  final byte[][] jobField;
  final byte[][] jobPosition;
  /** Where people live, by population. */
  final Places places;
  /** Valid exchanges (NXX 200-999) of each area code as bits: 13 longs per area code. */
  private final long[] exchangeBits = new long[1000 * EXCHANGE_WORDS];
  private static final int EXCHANGE_WORDS = 13;

  private static volatile Dictionaries instance;

  /** The dictionaries of this JVM, loaded on first use. */
  public static Dictionaries get() {
    Dictionaries d = instance;
    if (d == null) {
      synchronized (Dictionaries.class) {
        d = instance;
        if (d == null) {
          d = new Dictionaries();
          instance = d;
        }
      }
    }
    return d;
  }

  private Dictionaries() {
    Faker faker = new Faker(Locale.ENGLISH);
    List<String[]> surnames = csv("surnames.csv");
    long[] surnameCounts = surnames.stream().mapToLong(r -> Long.parseLong(r[1])).toArray();
    last = new Words(surnames.stream().map(r -> r[0]).toList(), surnameCounts);
    lastWeights = last.weights();
    lastShare = shares(surnameCounts);
    List<String[]> firsts = csv("first_names.csv");
    maleFirst = firstNames(firsts, "M");
    femaleFirst = firstNames(firsts, "F");
    maleFirstByDecade = new Weighted[DECADES];
    femaleFirstByDecade = new Weighted[DECADES];
    maleFirstOfDecade = new int[DECADES][];
    femaleFirstOfDecade = new int[DECADES][];
    byDecade(firsts, "M", maleFirst, maleFirstByDecade, maleFirstOfDecade);
    byDecade(firsts, "F", femaleFirst, femaleFirstByDecade, femaleFirstOfDecade);
    maleFirstShare = firstShares(firsts, "M", maleFirst);
    femaleFirstShare = firstShares(firsts, "F", femaleFirst);
    maleFirstHandle = handles(maleFirst);
    femaleFirstHandle = handles(femaleFirst);
    List<String[]> streetRows = csv("streets.csv");
    if (!streetRows.get(0)[0].equals("*")) {
      throw new IllegalStateException("streets.csv: the first row must be the long tail, *");
    }
    streets = utf8(streetRows.stream().skip(1).map(r -> r[0]).toList());
    streetWeights = Weighted.of(streetRows.stream().mapToLong(r -> Long.parseLong(r[1])).toArray());
    companySuffix = utf8(list(faker, "company.suffix"));
    jobSeniority = utf8(list(faker, "job.seniority"));
    jobField = utf8(list(faker, "job.field").stream().map(f -> f.replace('-', ' ')).toList());
    jobPosition = utf8(list(faker, "job.position"));

    Map<String, List<String>> nick = new HashMap<>();
    for (String[] row : csv("nicknames.csv")) {
      if (!row[0].equals(row[1]) && row[1].length() > 1) {
        nick.computeIfAbsent(row[0], k -> new ArrayList<>()).add(capitalize(row[1]));
      }
    }
    maleNicknames = nicknamesOf(maleFirst, nick);
    femaleNicknames = nicknamesOf(femaleFirst, nick);
    misspellings = new Misspellings(csv("ocr.csv"), csv("phonetic.csv"));

    loadExchanges();
    places = new Places(csv("places.csv"));
  }

  byte[] firstName(Master m) {
    return (m.female ? femaleFirst : maleFirst)[m.first];
  }

  byte[] firstName(boolean female, int name) {
    return (female ? femaleFirst : maleFirst)[name];
  }

  /** The first name as it appears in emails and usernames. */
  byte[] firstHandle(Master m) {
    return (m.female ? femaleFirstHandle : maleFirstHandle)[m.first];
  }

  /** The first name record {@code v} writes before case and errors: the name or a nickname. */
  byte[] firstName(Master m, Variation v) {
    return v.nameKind == Variation.NICKNAME ? nicknames(m)[v.nickname] : firstName(m);
  }

  /** The nicknames of the master's first name; none for many names. */
  byte[][] nicknames(Master m) {
    return (m.female ? femaleNicknames : maleNicknames)[m.first];
  }

  /** A first name for a person of this sex born in {@code birthYear}, drawn by {@code h}. */
  int firstName(boolean female, int birthYear, long h) {
    int d = Math.max(0, Math.min(DECADES - 1, (birthYear - FIRST_DECADE) / 10));
    return female ? femaleFirstOfDecade[d][femaleFirstByDecade[d].pick(h)]
        : maleFirstOfDecade[d][maleFirstByDecade[d].pick(h)];
  }

  /** The share of people who have master {@code m}'s first name. */
  double firstShare(Master m) {
    return (m.female ? femaleFirstShare : maleFirstShare)[m.first] / 2;
  }

  /** The share of people who have master {@code m}'s first and last name. */
  double fullNameShare(Master m) {
    return (m.female ? femaleFirstShare : maleFirstShare)[m.first] * lastShare[m.last] / 2;
  }

  private static double[] shares(long[] counts) {
    double total = 0;
    for (long c : counts) {
      total += c;
    }
    double[] out = new double[counts.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = counts[i] / total;
    }
    return out;
  }

  private static double[] firstShares(List<String[]> rows, String sex, byte[][] names) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      index.put(new String(names[i], StandardCharsets.UTF_8), i);
    }
    long[] counts = new long[names.length];
    for (String[] r : rows) {
      if (r[0].equals(sex)) {
        counts[index.get(r[2])] += Long.parseLong(r[3]);
      }
    }
    return shares(counts);
  }

  /** The names of one sex, most frequent (over all decades) first. */
  private static byte[][] firstNames(List<String[]> rows, String sex) {
    Map<String, Long> total = new HashMap<>();
    for (String[] r : rows) {
      if (r[0].equals(sex)) {
        total.merge(r[2], Long.parseLong(r[3]), Long::sum);
      }
    }
    List<String> names = new ArrayList<>(total.keySet());
    names.sort((a, b) -> total.get(a).equals(total.get(b)) ? a.compareTo(b)
        : Long.compare(total.get(b), total.get(a)));
    return utf8(names);
  }

  private static void byDecade(List<String[]> rows, String sex, byte[][] names,
      Weighted[] weights, int[][] indexes) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      index.put(new String(names[i], StandardCharsets.UTF_8), i);
    }
    for (int d = 0; d < DECADES; d++) {
      int decade = FIRST_DECADE + 10 * d;
      List<String[]> of = rows.stream()
          .filter(r -> r[0].equals(sex) && Integer.parseInt(r[1]) == decade).toList();
      if (of.isEmpty()) {
        throw new IllegalStateException("first_names.csv has no " + sex + " names of the " + decade + "s");
      }
      indexes[d] = of.stream().mapToInt(r -> index.get(r[2])).toArray();
      weights[d] = Weighted.of(of.stream().mapToLong(r -> Long.parseLong(r[3])).toArray());
    }
  }

  /** Whether exchange {@code nxx} is in service in area code {@code npa}. */
  boolean validExchange(int npa, int nxx) {
    int bit = nxx - 200;
    return (exchangeBits[npa * EXCHANGE_WORDS + (bit >>> 6)] & (1L << (bit & 63))) != 0;
  }

  private void loadExchanges() {
    for (String[] row : csv("exchanges.csv")) {
      java.math.BigInteger bits = new java.math.BigInteger(row[1], 16);
      int npa = Integer.parseInt(row[0]);
      for (int bit = 0; bit < 800; bit++) {
        if (bits.testBit(bit)) {
          exchangeBits[npa * EXCHANGE_WORDS + (bit >>> 6)] |= 1L << (bit & 63);
        }
      }
    }
  }

  private static byte[][][] nicknamesOf(byte[][] names, Map<String, List<String>> nick) {
    byte[][][] out = new byte[names.length][][];
    for (int i = 0; i < names.length; i++) {
      String name = new String(names[i], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      out[i] = utf8(nick.getOrDefault(name, List.of()));
    }
    return out;
  }

  private static List<String> list(Faker faker, String key) {
    Object value = faker.fakeValuesService().fetchObject(key, faker.getContext());
    if (!(value instanceof List<?> items) || items.isEmpty()) {
      throw new IllegalStateException("Datafaker has no list '" + key + "'");
    }
    return items.stream().map(String::valueOf).toList();
  }

  private static byte[][] utf8(List<String> words) {
    byte[][] out = new byte[words.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = words.get(i).getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  /** The name as emails and usernames hold it: ASCII letters and digits, lower case. */
  static byte[] handle(byte[] name) {
    String handle = new String(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]", "");
    if (handle.isEmpty()) {
      throw new IllegalStateException("name without ASCII letters: " + new String(name, StandardCharsets.UTF_8));
    }
    return handle.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[][] handles(byte[][] names) {
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      String handle = new String(names[i], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9]", "");
      if (handle.isEmpty()) {
        throw new IllegalStateException("name without ASCII letters: " + new String(names[i], StandardCharsets.UTF_8));
      }
      out[i] = handle.getBytes(StandardCharsets.US_ASCII);
    }
    return out;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static List<String[]> csv(String name) {
    try (InputStream in = Dictionaries.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("reference table " + name + " is not on the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      r.readLine(); // header
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isEmpty()) {
          rows.add(line.split(",", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference table " + name, e);
    }
  }
}
