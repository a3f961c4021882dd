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
  int middle; // -1: none
  int last;
  int suffix; // People.NO_SUFFIX, JR, SR, II, III
  long household; // the index of the household's head
  int handleLast; // the last name in email and username, which a name change keeps
  /** Where the customer lives, and lived before its last move (if {@link #moved}). */
  final Address home = new Address();
  final Address previous = new Address();
  boolean moved;
  int areaCode;
  int exchange;
  int line;
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
  /** Shop orders placed in the stream (a hot customer's), beyond those the shop's history holds. */
  long orders;

  /** Makes this master a copy of {@code o}. */
  public void copyFrom(Master o) {
    home.copyFrom(o.home);
    middle = o.middle;
    suffix = o.suffix;
    household = o.household;
    previous.copyFrom(o.previous);
    moved = o.moved;
    index = o.index;
    key = o.key;
    female = o.female;
    first = o.first;
    last = o.last;
    handleLast = o.handleLast;
    areaCode = o.areaCode;
    exchange = o.exchange;
    line = o.line;
    emailPattern = o.emailPattern;
    emailDigits = o.emailDigits;
    emailDomain = o.emailDomain;
    birthDay = o.birthDay;
    employed = o.employed;
    companyPattern = o.companyPattern;
    companyA = o.companyA;
    companyB = o.companyB;
    companySuffix = o.companySuffix;
    jobSeniority = o.jobSeniority;
    jobField = o.jobField;
    jobPosition = o.jobPosition;
    segment = o.segment;
    incomeCents = o.incomeCents;
    registrationDay = o.registrationDay;
    lastActivityDay = o.lastActivityDay;
    active = o.active;
    closed = o.closed;
    orders = o.orders;
  }

  /** The address record {@code v} holds: the home, or the one before the move if it is stale. */
  Address addressIn(Variation v) {
    return v.staleAddress ? previous : home;
  }

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
