package io.mdmgen.world;

/** What can happen to a customer after it appears; each reaches every system that holds it. */
public enum LifeEvent {
  MOVE, EMAIL, PHONE, NAME,
  /** The account is closed: the systems delete their records. */
  CLOSE
}
