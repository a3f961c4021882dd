package io.mdmgen.world;

import static io.mdmgen.world.Fields.DOMAIN;
import static io.mdmgen.world.Fields.EMAIL_DIGITS;
import static io.mdmgen.world.Fields.EMAIL_PATTERN;

/**
 * Email addresses: a local part made of the customer's names in one of five patterns, maybe two
 * digits, at one of the common mail providers; drawn the same way when a customer appears and
 * when it changes address.
 */
final class Emails {
  static final String[] DOMAINS = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com",
      "icloud.com", "aol.com", "comcast.net", "att.net", "protonmail.com", "msn.com"};
  private static final long[] DOMAIN_CDF = Hash.cdf(35, 15, 12, 10, 8, 5, 5, 4, 3, 3);
  private static final byte[][] DOMAIN_UTF8 = Text.ascii(DOMAINS);
  private static final byte[] SEPARATOR = {'.', 0, 0, '_', 0};

  private final Dictionaries dict;

  Emails(Dictionaries dictionaries) {
    this.dict = dictionaries;
  }

  /**
   * Draws {@code m}'s address from {@code key} (a master's key, or a change's), for its name: a
   * provider gives each local part to one person only, so the more people share what a pattern
   * keeps of a name (all of it, or an initial and a name), the longer the number they add, as
   * they do at sign-up: none for some of the rarest, two digits (often the birth year) for the
   * uncommon, four to six for the common.
   */
  void draw(long key, Master m) {
    m.emailPattern = Hash.below(Hash.of(key, EMAIL_PATTERN), 5);
    long ed = Hash.of(key, EMAIL_DIGITS);
    double share = switch (m.emailPattern) {
      case 2 -> dict.lastShare[m.last] * INITIAL; // flast
      case 4 -> dict.firstShare(m) * INITIAL; // firstl
      default -> dict.fullNameShare(m);
    };
    double namesakes = share * 1e6; // per million people
    long h = Hash.mix(ed);
    if (namesakes < RARE && Hash.unit(ed) >= 0.4) {
      m.emailDigits = -1;
    } else if (namesakes < COMMON) {
      m.emailDigits = Hash.unit(h) < 0.5
          ? Digits.year(m.birthDay) % 100 // 1987 -> "87"
          : 1 + Hash.below(Hash.mix(h), 999);
    } else {
      m.emailDigits = 1_000 + Hash.below(Hash.mix(h), 999_000);
    }
    m.emailDomain = Hash.pick(Hash.of(key, DOMAIN), DOMAIN_CDF);
  }

  /** Namesakes per million people below which a name-only address is free, and above which it is crowded. */
  private static final double RARE = 0.05, COMMON = 2;
  /** The share of people whose first name starts with a given letter, about. */
  private static final double INITIAL = 0.07;

  /** Draws a new address for {@code m} from a change's {@code key}: always at another provider. */
  void change(long key, Master m) {
    int before = m.emailDomain;
    draw(key, m);
    if (m.emailDomain == before) {
      m.emailDomain = otherDomain(before, Hash.mix(Hash.of(key, DOMAIN)));
    }
  }

  /** Another provider than {@code domain}, drawn from {@code h}. */
  static int otherDomain(int domain, long h) {
    return (domain + 1 + Hash.below(h, DOMAINS.length - 1)) % DOMAINS.length;
  }

  /**
   * Appends the local part: 0 first.last, 1 firstlast, 2 flast, 3 first_last, 4 firstl; then
   * digits for some: at least two ("07", or a birth year's "87"), up to six for common names.
   * Composed without branching on the pattern.
   */
  void local(Master m, Utf8Buffer b) {
    byte[] first = dict.firstHandle(m);
    int last = dict.last.handleAt(m.handleLast);
    int p = m.emailPattern;
    byte separator = SEPARATOR[p];
    b.append(first, 0, p == 2 ? 1 : first.length).appendIf(separator != 0, separator)
        .append(dict.last.text(), last, p == 4 ? 1 : dict.last.handleLength(m.handleLast));
    int at = b.length();
    b.appendDigits(Math.max(m.emailDigits, 0), 2);
    b.truncate(m.emailDigits >= 0 ? b.length() : at);
  }

  /** Appends "@" and provider {@code domain}. */
  static void at(int domain, Utf8Buffer b) {
    b.append('@').append(DOMAIN_UTF8[domain]);
  }
}
