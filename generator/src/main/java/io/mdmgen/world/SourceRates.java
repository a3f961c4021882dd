package io.mdmgen.world;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How one source system sees the masters: which it holds, how many copies, and how each copy is
 * varied. All probabilities are per master (coverage, copies) or per record (the rest).
 *
 * @param coverage share of masters with at least one record
 * @param copies probabilities of holding 1, 2, 3... records for a covered master (sum 1)
 * @param nameVariation share of records whose name is varied (nickname, initial, case, order)
 * @param emailDomainChange share of records whose email has another domain than the master's
 * @param corruption how often each kind of error corrupts a record
 * @param staleAddress share of the records of customers who moved that still hold the address before
 * @param addressFormats weights of the seven street-line formats (this system's habits)
 * @param phoneFormats weights of the five phone formats (this system's habits)
 * @param lagSeconds how long a change takes to reach this system in stream mode
 */
public record SourceRates(
    double coverage,
    double[] copies,
    double nameVariation,
    double emailDomainChange,
    Corruption corruption,
    double staleAddress,
    double[] addressFormats,
    double[] phoneFormats,
    double lagSeconds)
    implements Serializable {

  public static final int MAX_COPIES = 4;
  public static final int ADDRESS_FORMATS = 7;
  public static final int PHONE_FORMATS = 5;

  public SourceRates {
    copies = copies.clone();
    addressFormats = addressFormats.clone();
    phoneFormats = phoneFormats.clone();
  }

  /** Expected records per master: coverage times the mean number of copies. */
  public double recordsPerMaster() {
    double mean = 0;
    for (int i = 0; i < copies.length; i++) {
      mean += (i + 1) * copies[i];
    }
    return coverage * mean;
  }

  /** Share of records with a keyboard typo. */
  public double typo() {
    return corruption.rate(Corruption.Kind.TYPO);
  }

  /** Share of records with an optional field missing. */
  public double missing() {
    return corruption.rate(Corruption.Kind.MISSING);
  }

  @Override
  public double[] copies() {
    return copies.clone();
  }

  @Override
  public double[] addressFormats() {
    return addressFormats.clone();
  }

  @Override
  public double[] phoneFormats() {
    return phoneFormats.clone();
  }

  long[] addressFormatsCdf() {
    return Hash.cdf(addressFormats);
  }

  long[] phoneFormatsCdf() {
    return Hash.cdf(phoneFormats);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceRates r
        && coverage == r.coverage
        && Arrays.equals(copies, r.copies)
        && nameVariation == r.nameVariation
        && emailDomainChange == r.emailDomainChange
        && corruption.equals(r.corruption)
        && staleAddress == r.staleAddress
        && Arrays.equals(addressFormats, r.addressFormats)
        && Arrays.equals(phoneFormats, r.phoneFormats)
        && lagSeconds == r.lagSeconds;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {coverage, nameVariation, emailDomainChange})
        + 31 * Arrays.hashCode(copies) + 17 * corruption.hashCode();
  }

  @Override
  public String toString() {
    return "SourceRates[coverage=" + coverage + ", copies=" + Arrays.toString(copies)
        + ", nameVariation=" + nameVariation + ", emailDomainChange=" + emailDomainChange
        + ", " + corruption + ", lagSeconds=" + lagSeconds + "]";
  }
}
