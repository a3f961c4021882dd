package io.mdmgen.world;

/**
 * One master customer, as dictionary indexes and numbers rather than text: a reusable flyweight
 * that {@link World#master} fills for an index, so that generating a row allocates nothing.
 */
public final class Master {
  long index;
  long key;
  boolean female;
  int first;
  int last;
  int handleLast; // the last name in email and username, which a name change keeps
  int place;
  int areaCode;
  int exchange;
  int line;
  int streetNumber;
  int street;
  int streetSuffix;
  int unitKind; // -1: no unit
  int unitNumber;
  int emailPattern;
  int emailDigits; // -1: none
  int emailDomain;
  int birthDay;
  boolean employed;
  int companyPattern; // -1: no employer on file
  int companyA;
  int companyB;
  int companySuffix;
  int jobSeniority; // -1: no job title on file
  int jobField;
  int jobPosition;
  int segment;
  long incomeCents;
  int registrationDay;
  int lastActivityDay;
  boolean active;
  boolean closed;

  public long index() {
    return index;
  }

  public long key() {
    return key;
  }

  public int lastActivityDay() {
    return lastActivityDay;
  }
}
