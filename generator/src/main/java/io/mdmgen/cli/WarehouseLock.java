package io.mdmgen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time in a warehouse with an embedded metastore: Derby lets one JVM open it, and a
 * second would print thousands of "Another instance may have already booted" lines before
 * failing. The operating system drops the lock when its JVM ends, however it ends.
 */
final class WarehouseLock implements AutoCloseable {
  static final String FILE = ".mdmgen-lock";

  private final FileChannel channel;

  private WarehouseLock(FileChannel channel) {
    this.channel = channel;
  }

  /** Locks {@code warehouse} for this JVM, or fails in one line naming the run that has it. */
  static WarehouseLock take(Path warehouse) {
    Path file = warehouse.resolve(FILE);
    try {
      Files.createDirectories(warehouse);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = Files.readString(file).trim();
        channel.close();
        throw new Main.BadInput("--warehouse " + warehouse + ": in use by another mdmgen run"
            + (holder.isEmpty() ? "" : " (pid " + holder + ")")
            + "; wait for it to end, or give another --warehouse");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
      return new WarehouseLock(channel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close(); // releases the lock
    } catch (IOException e) {
      // released when the JVM ends anyway
    }
  }
}
