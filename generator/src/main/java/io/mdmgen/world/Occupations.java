package io.mdmgen.world;

import static io.mdmgen.world.Fields.COMPANY_A;
import static io.mdmgen.world.Fields.COMPANY_B;
import static io.mdmgen.world.Fields.COMPANY_PATTERN;
import static io.mdmgen.world.Fields.COMPANY_SUFFIX;
import static io.mdmgen.world.Fields.FIELD;
import static io.mdmgen.world.Fields.POSITION;
import static io.mdmgen.world.Fields.SENIORITY;

/**
 * Where customers work and as what. Most are consumers whose employer and job nobody asked:
 * whether one works follows age (about the labour-force participation of each age), and of those
 * who work, the job title is on file for {@link #JOB_KNOWN} and the employer for fewer.
 */
final class Occupations {
  private static final byte[][] COMPANY_JOIN = Text.ascii(" ", " ", "-", ", ");

  /** Share working, by age band: 18-24, 25-54, 55-64, 65-74, 75+. */
  private static final int[] AGE_FROM = {18, 25, 55, 65, 75};
  private static final double[] WORKING = {0.60, 0.80, 0.64, 0.22, 0.07};
  static final double JOB_KNOWN = 0.40;
  static final double COMPANY_KNOWN = 0.70;

  private final Dictionaries dict;

  Occupations(Dictionaries dictionaries) {
    this.dict = dictionaries;
  }

  /** Draws {@code m}'s work, given its {@code age}. */
  void draw(long key, Master m, int age) {
    Dictionaries d = dict;
    int band = 0;
    while (band + 1 < AGE_FROM.length && age >= AGE_FROM[band + 1]) {
      band++;
    }
    m.employed = Hash.unit(Hash.of(key, Fields.EMPLOYED)) < WORKING[band];
    boolean job = m.employed && Hash.unit(Hash.of(key, Fields.JOB_KNOWN)) < JOB_KNOWN;
    boolean company = job && Hash.unit(Hash.of(key, Fields.COMPANY_KNOWN)) < COMPANY_KNOWN;
    m.companyPattern = -1;
    m.jobSeniority = -1;
    if (company) { // the names of an employer are drawn only for those who have one on file
      m.companyPattern = Hash.below(Hash.of(key, COMPANY_PATTERN), 4);
      m.companyA = d.lastWeights.pick(Hash.of(key, COMPANY_A));
      m.companyB = d.lastWeights.pick(Hash.of(key, COMPANY_B));
      m.companySuffix = Hash.below(Hash.of(key, COMPANY_SUFFIX), d.companySuffix.length);
    }
    if (job) {
      m.jobSeniority = Hash.below(Hash.of(key, SENIORITY), d.jobSeniority.length);
      m.jobField = Hash.below(Hash.of(key, FIELD), d.jobField.length);
      m.jobPosition = Hash.below(Hash.of(key, POSITION), d.jobPosition.length);
    }
  }

  /** Writes the employer, or that there is none on file. */
  void writeCompany(Master m, RowSink out) {
    if (m.companyPattern < 0) {
      out.missing(Column.COMPANY);
    } else {
      Utf8Buffer b = out.text();
      int at = b.length();
      company(m, b);
      Text.put(out, Column.COMPANY, b, at);
    }
  }

  /** Writes the job title, or that there is none on file. */
  void writeJobTitle(Master m, RowSink out) {
    if (m.jobSeniority < 0) {
      out.missing(Column.JOB_TITLE);
    } else {
      Utf8Buffer b = out.text();
      int at = b.length();
      jobTitle(m, b);
      Text.put(out, Column.JOB_TITLE, b, at);
    }
  }

  /** Appends the employer: 0 and 1 "Smith Group", 2 "Smith-Jones", 3 "Smith, Jones and Brown". */
  void company(Master m, Utf8Buffer b) {
    int p = m.companyPattern;
    dict.last.append(b, m.companyA).append(COMPANY_JOIN[p]);
    if (p < 2) {
      b.append(dict.companySuffix[m.companySuffix]);
    } else {
      dict.last.append(b, m.companyB);
    }
    if (p == 3) {
      dict.last.append(b.append(" and "), dict.lastWeights.pick(Hash.mix(m.companyA * 31L + m.companyB)));
    }
  }

  void jobTitle(Master m, Utf8Buffer b) {
    b.append(dict.jobSeniority[m.jobSeniority]).append(' ').append(dict.jobField[m.jobField])
        .append(' ').append(dict.jobPosition[m.jobPosition]);
  }
}
