package io.mdmgen.world;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * How often each kind of error corrupts one system's records. Each rate is the share of the
 * system's records that carry that error where it can be seen: a kind lands only on a field whose
 * value it visibly changes, so the realized rates the run reports are what a reader of the output
 * finds. Errors cluster as they do in real data entry: a {@link #messyShare} of records is
 * {@link #messyFactor} times as error-prone as the rest (the rates hold over all records), so
 * several errors in one record are far more common than independent errors would make them.
 *
 * @param rates the rate of each {@link Kind}, by ordinal
 */
public record Corruption(double[] rates, double messyShare, double messyFactor) implements Serializable {

  /** The kinds of error, each with its scenario key. */
  public enum Kind {
    /** A keyboard slip in a text field: a neighbouring key, a transposition, a dropped or doubled letter. */
    TYPO,
    /** A character read as another by OCR: m as rn, l as 1, O as 0. */
    OCR,
    /** A name spelled as it sounds: Philips as Filips, Smyth as Smith. */
    PHONETIC,
    /** First and last name entered in each other's fields. */
    SWAP_NAMES,
    /** A field cut short by a length limit or an impatient clerk. */
    TRUNCATE,
    /** Day and month of the birth date swapped (where both could be a month). */
    DOB_SWAP,
    /** One wrong digit in the birth date: the year or the day. */
    DOB_DIGIT,
    /** One wrong digit in the ZIP code. */
    ZIP_DIGIT,
    /** One wrong or two swapped digits in the phone number. */
    PHONE_DIGIT,
    /** An optional field left empty. */
    MISSING;

    static final Kind[] ALL = values();
    private final String key = name().toLowerCase(Locale.ROOT);

    /** The key in scenario files and reports. */
    public String key() {
      return key;
    }

    int bit() {
      return 1 << ordinal();
    }
  }

  public Corruption {
    if (rates.length != Kind.ALL.length) {
      throw new IllegalArgumentException("one rate per kind of error");
    }
    rates = rates.clone();
  }

  /** Rates in {@link Kind} order. */
  public static Corruption of(double typo, double ocr, double phonetic, double swapNames,
      double truncate, double dobSwap, double dobDigit, double zipDigit, double phoneDigit,
      double missing, double messyShare, double messyFactor) {
    return new Corruption(new double[] {typo, ocr, phonetic, swapNames, truncate, dobSwap, dobDigit,
        zipDigit, phoneDigit, missing}, messyShare, messyFactor);
  }

  public double rate(Kind k) {
    return rates[k.ordinal()];
  }

  @Override
  public double[] rates() {
    return rates.clone();
  }

  /** This with {@code k}'s rate replaced. */
  public Corruption with(Kind k, double rate) {
    double[] r = rates.clone();
    r[k.ordinal()] = rate;
    return new Corruption(r, messyShare, messyFactor);
  }

  public Corruption withMessiness(double share, double factor) {
    return new Corruption(rates, share, factor);
  }

  /**
   * The chance of {@code k} in a tidy record (and {@link #messyFactor} times it in a messy one),
   * such that the rate over all records is {@code rate(k)}.
   */
  double tidyChance(Kind k) {
    return rate(k) / (1 - messyShare + messyShare * messyFactor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Corruption c && Arrays.equals(rates, c.rates)
        && messyShare == c.messyShare && messyFactor == c.messyFactor;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rates) * 31 + Double.hashCode(messyShare + messyFactor);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Corruption[");
    for (Kind k : Kind.ALL) {
      b.append(k.key()).append('=').append(rate(k)).append(", ");
    }
    return b.append("messy_share=").append(messyShare).append(", messy_factor=")
        .append(messyFactor).append(']').toString();
  }
}
