package io.mdmgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void aFailureIsReportedByItsInnermostCauseOnOneLine() {
    Exception job = new IllegalStateException("Job aborted due to stage failure:\n\tat a.b.C",
        new RuntimeException("task failed", new IOException("No space left on device\n  (disk 1)")));
    assertEquals("IOException: No space left on device (disk 1)", Main.rootCause(job));
  }

  @Test
  void aCauseWithoutMessageIsNamedByItsClass() {
    assertEquals("java.lang.NullPointerException",
        Main.rootCause(new IllegalStateException("wrapped", new NullPointerException())));
  }

  @Test
  void anExceptionWithoutCauseIsItsOwnRoot() {
    assertEquals("IllegalStateException: match_truth: wrote 1 rows, planned 2",
        Main.rootCause(new IllegalStateException("match_truth: wrote 1 rows, planned 2")));
  }
}
