package io.mdmgen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TempDirsTest {
  private static final String PREFIX = "mdmgen-tempdirs-test-";

  @Test
  void removesOnlyTheDirectoriesOfOwnersThatAreGone() throws Exception {
    Path mine = TempDirs.create(PREFIX); // before the stale ones below, which create would remove
    Process ended = new ProcessBuilder("sleep", "60").start();
    String identity = ended.pid() + " " + ended.toHandle().info().startInstant().orElseThrow();
    ended.destroyForcibly().waitFor();
    Path dead = Files.createTempDirectory(PREFIX);
    Files.writeString(dead.resolve(TempDirs.OWNER), identity);
    Files.createDirectories(dead.resolve("offsets"));
    Files.writeString(dead.resolve("offsets/0"), "v1");
    // A pid that is alive but started at another time: a reused pid, not the owner.
    Path reused = Files.createTempDirectory(PREFIX);
    Files.writeString(reused.resolve(TempDirs.OWNER), ProcessHandle.current().pid() + " 1970-01-01T00:00:00Z");
    Path foreign = Files.createTempDirectory(PREFIX); // no owner file: not made by TempDirs
    try {
      assertEquals(2, TempDirs.removeStale(PREFIX));
      assertFalse(Files.exists(dead));
      assertFalse(Files.exists(reused));
      assertTrue(Files.exists(mine.resolve(TempDirs.OWNER)), "this JVM's own directory stays");
      assertTrue(Files.exists(foreign), "a directory without an owner file stays");
    } finally {
      TempDirs.delete(mine);
      TempDirs.delete(foreign);
    }
  }
}
