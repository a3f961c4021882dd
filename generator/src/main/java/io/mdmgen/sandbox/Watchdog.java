package io.mdmgen.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Stops a JVM's servers when the JVM is gone, however it went (kill -9 included, which runs no
 * shutdown hook): a shell that waits for this JVM to end, then sends SIGTERM to the processes
 * listed in its pid file, SIGKILL to any still alive {@value #GRACE_SECONDS} s later, and deletes
 * the directory. Closing it (after stopping the servers normally) stops the shell.
 */
final class Watchdog implements AutoCloseable {
  static final int GRACE_SECONDS = 5;
  private static final String SCRIPT = String.join("\n",
      "trap '' INT HUP", // Ctrl-C reaches the whole process group; this one must outlive its owner
      "owner=$1; dir=$2",
      "while kill -0 \"$owner\" 2>/dev/null; do sleep 1; done",
      "pids=$(cat \"$dir/pids\" 2>/dev/null)",
      "alive() { for p in $pids; do kill -0 \"$p\" 2>/dev/null && return 0; done; return 1; }",
      "if [ -n \"$pids\" ]; then",
      "  kill $pids 2>/dev/null",
      "  i=0",
      "  while [ $i -lt " + GRACE_SECONDS + " ] && alive; do sleep 1; i=$((i+1)); done",
      "  kill -9 $pids 2>/dev/null",
      "fi",
      "rm -rf \"$dir\"",
      "");

  private final Path pids;
  private final Process shell;

  private Watchdog(Path pids, Process shell) {
    this.pids = pids;
    this.shell = shell;
  }

  /** Watches this JVM on behalf of the servers it will {@link #watch}; removes {@code dir} after. */
  static Watchdog start(Path dir) throws IOException {
    Path pids = dir.resolve("pids");
    Files.writeString(pids, "");
    Process shell = new ProcessBuilder(List.of("sh", "-c", SCRIPT, "mdmgen-watchdog",
        Long.toString(ProcessHandle.current().pid()), dir.toString()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    return new Watchdog(pids, shell);
  }

  /** {@code p} is stopped if this JVM dies before closing it. */
  void watch(Process p) throws IOException {
    Files.writeString(pids, p.pid() + "\n", StandardOpenOption.APPEND);
  }

  @Override
  public void close() {
    shell.destroy();
  }
}
