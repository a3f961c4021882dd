package io.mdmgen.events;

/**
 * The Kafka header {@value #NAME} that every event carries: when the pacer planned to send it, in
 * milliseconds since 1970, as ASCII decimal digits (readable by kcat and any client). Latency
 * measured from it counts a stalled producer as latency, which the send time would hide.
 */
public final class DueHeader {
  public static final String NAME = "mdmgen.due_ms";
  /** What {@link #millis} returns for a value that is not one of ours. */
  public static final long NONE = -1;

  private DueHeader() {}

  /** The header value for {@code millis} (not negative). */
  public static byte[] value(long millis) {
    int digits = 1;
    for (long m = millis / 10; m > 0; m /= 10) {
      digits++;
    }
    byte[] out = new byte[digits];
    for (int i = digits - 1; i >= 0; i--) {
      out[i] = (byte) ('0' + millis % 10);
      millis /= 10;
    }
    return out;
  }

  /** The time a header value names, or {@link #NONE} if it is not 1 to 18 decimal digits. */
  public static long millis(byte[] value) {
    if (value == null || value.length == 0 || value.length > 18) {
      return NONE;
    }
    long m = 0;
    for (byte b : value) {
      if (b < '0' || b > '9') {
        return NONE;
      }
      m = m * 10 + (b - '0');
    }
    return m;
  }
}
