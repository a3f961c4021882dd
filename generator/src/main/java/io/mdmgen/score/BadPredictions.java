package io.mdmgen.score;

/** A predictions file or table that cannot be scored; the message says why, in one line. */
public final class BadPredictions extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadPredictions(String message) {
    super(message);
  }
}
