package io.mdmgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
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
  void sandboxRefusesWhatItDoesNotKnowBeforeStartingAnything() {
    for (String[] args : new String[][] {{"sandbox", "--bogus"}, {"sandbox", "extra"},
        {"sandbox", "--kafka-port", "0", "--bogus=1"}}) {
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err));
      assertEquals(2, cl.execute(args), String.join(" ", args));
      assertEquals(1, err.toString().lines().count(), err.toString());
      assertTrue(err.toString().contains(args[args.length - 1].replaceFirst("=.*", "")), err.toString());
    }
  }

  @Test
  void sandboxPrintsTheVersion() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("sandbox", "-V"));
    assertEquals("mdmgen 0.1.0", out.toString().trim());
  }

  @Test
  void anExceptionWithoutCauseIsItsOwnRoot() {
    assertEquals("IllegalStateException: match_truth: wrote 1 rows, planned 2",
        Main.rootCause(new IllegalStateException("match_truth: wrote 1 rows, planned 2")));
  }
}
