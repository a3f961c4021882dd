package io.mdmgen.world;

import static io.mdmgen.world.Fields.AGE;
import static io.mdmgen.world.Fields.AGE2;
import static io.mdmgen.world.Fields.FIRST;
import static io.mdmgen.world.Fields.GENDER;
import static io.mdmgen.world.Fields.LAST;

/** Who a customer is: sex, first and last name, date of birth. */
final class People {
  private final Dictionaries dict;
  private final int asOfDay;

  People(Dictionaries dictionaries, int asOfDay) {
    this.dict = dictionaries;
    this.asOfDay = asOfDay;
  }

  void draw(long key, Master m) {
    Dictionaries d = dict;
    m.female = (Hash.of(key, GENDER) & 1) == 0;
    m.first = Hash.below(Hash.of(key, FIRST), m.female ? d.femaleFirst.length : d.maleFirst.length);
    m.last = Hash.below(Hash.of(key, LAST), d.last.length);
    m.handleLast = m.last;
    // Age 18-90, triangular around the mid-forties.
    double age = 18 + 72 * (Hash.unit(Hash.of(key, AGE)) + Hash.unit(Hash.of(key, AGE2))) / 2 * 0.85;
    m.birthDay = asOfDay - (int) (age * 365.2425);
  }

  /** A new last name for {@code m} (marriage, divorce), drawn from a change's {@code key}. */
  void rename(long key, Master m) {
    m.last = (m.last + 1 + Hash.below(key, dict.last.length - 1)) % dict.last.length;
  }
}
