package io.mdmgen.events;

/** Wall-clock time and waiting, injectable so that pacing can be tested without waiting. */
public interface Clock {
  /** The machine's clock. */
  Clock SYSTEM = new Clock() {
    @Override
    public long millis() {
      return System.currentTimeMillis();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      Thread.sleep(millis);
    }
  };

  /** Milliseconds since 1970. */
  long millis();

  /** Waits {@code millis}; an interrupt ends the wait and leaves the thread's flag to the caller. */
  void sleep(long millis) throws InterruptedException;
}
