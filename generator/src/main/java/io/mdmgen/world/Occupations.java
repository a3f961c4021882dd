package io.mdmgen.world;

import static io.mdmgen.world.Fields.COMPANY_A;
import static io.mdmgen.world.Fields.COMPANY_B;
import static io.mdmgen.world.Fields.COMPANY_PATTERN;
import static io.mdmgen.world.Fields.COMPANY_SUFFIX;
import static io.mdmgen.world.Fields.FIELD;
import static io.mdmgen.world.Fields.POSITION;
import static io.mdmgen.world.Fields.SENIORITY;

/** Where customers work and as what: the employer's name and the job title. */
final class Occupations {
  private static final byte[][] COMPANY_JOIN = Text.ascii(" ", " ", "-", ", ");

  private final Dictionaries dict;

  Occupations(Dictionaries dictionaries) {
    this.dict = dictionaries;
  }

  void draw(long key, Master m) {
    Dictionaries d = dict;
    m.companyPattern = Hash.below(Hash.of(key, COMPANY_PATTERN), 4);
    m.companyA = Hash.below(Hash.of(key, COMPANY_A), d.last.length);
    m.companyB = Hash.below(Hash.of(key, COMPANY_B), d.last.length);
    m.companySuffix = Hash.below(Hash.of(key, COMPANY_SUFFIX), d.companySuffix.length);
    m.jobSeniority = Hash.below(Hash.of(key, SENIORITY), d.jobSeniority.length);
    m.jobField = Hash.below(Hash.of(key, FIELD), d.jobField.length);
    m.jobPosition = Hash.below(Hash.of(key, POSITION), d.jobPosition.length);
  }

  /** Appends the employer: 0 and 1 "Smith Group", 2 "Smith-Jones", 3 "Smith, Jones and Brown". */
  void company(Master m, Utf8Buffer b) {
    int p = m.companyPattern;
    b.append(dict.last[m.companyA]).append(COMPANY_JOIN[p])
        .append(p < 2 ? dict.companySuffix[m.companySuffix] : dict.last[m.companyB]);
    if (p == 3) {
      b.append(" and ").append(dict.last[(m.companyA + m.companyB + 1) % dict.last.length]);
    }
  }

  void jobTitle(Master m, Utf8Buffer b) {
    b.append(dict.jobSeniority[m.jobSeniority]).append(' ').append(dict.jobField[m.jobField])
        .append(' ').append(dict.jobPosition[m.jobPosition]);
  }
}
