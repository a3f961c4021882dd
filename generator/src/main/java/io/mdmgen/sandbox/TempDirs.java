package io.mdmgen.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Temporary directories that name the process they belong to (an {@code owner} file: its pid and
 * start time), so that the next run removes those whose owner died without cleaning up (kill -9,
 * a crash) instead of letting them pile up in the temporary directory.
 */
public final class TempDirs {
  static final String OWNER = "owner";

  private TempDirs() {}

  /**
   * A new directory {@code prefix*} under the system's temporary directory, owned by this JVM;
   * first removes those of {@code prefix} whose owner died without cleaning up.
   */
  public static Path create(String prefix) throws IOException {
    removeStale(prefix);
    Path dir = Files.createTempDirectory(prefix);
    Files.writeString(dir.resolve(OWNER), identity(ProcessHandle.current()));
    return dir;
  }

  /** Removes the directories {@code prefix*} of owners that are gone; returns how many. */
  public static int removeStale(String prefix) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    int removed = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, prefix + "*")) {
      for (Path dir : dirs) {
        if (ownerGone(dir)) {
          delete(dir);
          removed++;
        }
      }
    } catch (IOException e) {
      // an unreadable temporary directory: nothing to clean up that we could
    }
    return removed;
  }

  /** Deletes {@code dir} and everything in it, as far as it can. */
  public static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // already gone, or not ours to delete
    }
  }

  private static boolean ownerGone(Path dir) {
    Path owner = dir.resolve(OWNER);
    if (!Files.isRegularFile(owner)) {
      return false; // not made by this class: leave it alone
    }
    try {
      String[] parts = Files.readString(owner).trim().split(" ", 2);
      Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(parts[0]));
      return p.isEmpty() || !identity(p.get()).equals(parts[0] + " " + parts[1]);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Pid and start time: a pid alone may have been reused by another process since. */
  private static String identity(ProcessHandle p) {
    return p.pid() + " " + p.info().startInstant().map(Instant::toString).orElse("?");
  }
}
