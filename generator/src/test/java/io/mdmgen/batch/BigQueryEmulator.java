package io.mdmgen.batch;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetInfo;
import io.mdmgen.cli.Cli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PyPI's bqemulator (BigQuery's REST API and Storage Write API over DuckDB), started with
 * {@code scripts/bqemulator} on two free loopback ports and stopped with {@link #close()}.
 */
final class BigQueryEmulator implements AutoCloseable {
  static final String PROJECT = "test-project";

  private final Process process;
  private final int restPort;
  private final int grpcPort;

  private BigQueryEmulator(Process process, int restPort, int grpcPort) {
    this.process = process;
    this.restPort = restPort;
    this.grpcPort = grpcPort;
  }

  static BigQueryEmulator start(Path log) throws IOException, InterruptedException {
    int rest = freePort();
    int grpc = freePort();
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(Cli.ROOT.resolve("scripts/bqemulator").toString(),
        "--rest-port", String.valueOf(rest), "--grpc-port", String.valueOf(grpc), "--project", PROJECT)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    BigQueryEmulator emulator = new BigQueryEmulator(p, rest, grpc);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // the first start installs it
    while (!(Cli.listening(rest) && Cli.listening(grpc))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        emulator.close();
        throw new AssertionError("bqemulator did not start: " + Files.readString(log));
      }
      Thread.sleep(200);
    }
    return emulator;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String restEndpoint() {
    return "http://127.0.0.1:" + restPort;
  }

  String storageEndpoint() {
    return "127.0.0.1:" + grpcPort;
  }

  /** mdmgen's flags for this emulator and {@code dataset}. */
  List<String> flags(String dataset) {
    return List.of("--sink", "bigquery", "--project-id", PROJECT, "--dataset-id", dataset,
        "--bigquery-endpoint", restEndpoint(), "--bigquery-storage-endpoint", storageEndpoint());
  }

  BigQuery client() {
    return BigQueryOptions.newBuilder().setProjectId(PROJECT).setHost(restEndpoint())
        .setCredentials(NoCredentials.getInstance()).build().getService();
  }

  void createDataset(String dataset) {
    client().create(DatasetInfo.of(dataset));
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
