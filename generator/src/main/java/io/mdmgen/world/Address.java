package io.mdmgen.world;

/** Where someone lives: a place (ZIP, city, state) and a street address in it. Reused like {@link Master}. */
final class Address {
  int place;
  int number;
  int street; // a common street name, or -1 - a surname for the long tail
  int suffix;
  int unitKind; // -1: no unit
  int unitNumber;

  void copyFrom(Address o) {
    place = o.place;
    number = o.number;
    street = o.street;
    suffix = o.suffix;
    unitKind = o.unitKind;
    unitNumber = o.unitNumber;
  }
}
