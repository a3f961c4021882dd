package io.mdmgen.sinks;

/**
 * The place a sink writes to cannot take the run's tables, for a reason the user can fix before
 * anything is written. Sinks say what is wrong in their own terms; the command line names the
 * flag that chose {@link #what()}.
 */
public final class TargetException extends RuntimeException {
  /** What the problem is with. */
  public enum What {
    /** The container of the tables (a BigQuery dataset). */
    DATASET,
    /** An existing table an append would extend has other columns. */
    TABLE_COLUMNS,
    /** The service does not answer, or refuses the caller. */
    SERVICE
  }

  private final What what;

  public TargetException(What what, String message) {
    super(message);
    this.what = what;
  }

  public What what() {
    return what;
  }
}
