package io.mdmgen.batch;

import io.mdmgen.cli.Cli;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on loopback: a master and workers of one core each, every one
 * its own JVM, from PyPI's pyspark distribution ({@code scripts/spark-distribution}); and
 * spark-submit of the application jar to it, as a user runs it.
 */
final class SparkCluster implements AutoCloseable {
  private final Path sparkHome;
  private final Path dir;
  private final String masterUrl;
  private final List<Process> daemons;

  private SparkCluster(Path sparkHome, Path dir, String masterUrl, List<Process> daemons) {
    this.sparkHome = sparkHome;
    this.dir = dir;
    this.masterUrl = masterUrl;
    this.daemons = daemons;
  }

  static SparkCluster start(Path dir, int workers) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Process install = new ProcessBuilder(Cli.ROOT.resolve("scripts/spark-distribution").toString())
        .redirectError(dir.resolve("install.log").toFile()).start();
    String home = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
      throw new AssertionError("scripts/spark-distribution failed: " + Files.readString(dir.resolve("install.log")));
    }
    Path sparkHome = Path.of(home);
    int port = freePort();
    int ui = freePort();
    List<Process> daemons = new ArrayList<>();
    SparkCluster cluster = new SparkCluster(sparkHome, dir, "spark://127.0.0.1:" + port, daemons);
    try {
      daemons.add(cluster.daemon("master", "org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(ui)));
      for (int i = 1; i <= workers; i++) {
        daemons.add(cluster.daemon("worker-" + i, "org.apache.spark.deploy.worker.Worker",
            "--host", "127.0.0.1", "--cores", "1", "--memory", "3g", "--webui-port", "0",
            "--work-dir", dir.resolve("worker-" + i).toString(), cluster.masterUrl));
      }
      cluster.awaitWorkers(ui, workers);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private Process daemon(String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(sparkHome.resolve("bin/spark-class").toString(), mainClass));
    cmd.addAll(List.of(args));
    return environment(new ProcessBuilder(cmd)).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
  }

  private ProcessBuilder environment(ProcessBuilder pb) {
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb;
  }

  /** Waits until the master's JSON status lists {@code workers} ALIVE workers. */
  private void awaitWorkers(int uiPort, int workers) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String status = "";
    while (System.nanoTime() < deadline) {
      for (Process p : daemons) {
        if (!p.isAlive()) {
          throw new AssertionError("a Spark daemon died: see " + dir);
        }
      }
      if (Cli.listening(uiPort)) {
        status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        if (status.split("\"state\" : \"ALIVE\"", -1).length - 1 >= workers) { // one per live worker
          return;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("fewer than " + workers + " workers registered in 90 s: " + status);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The application jar the build made for spark-submit. */
  static Path applicationJar() throws IOException {
    try (Stream<Path> files = Files.list(Cli.ROOT.resolve("generator/target"))) {
      return files.filter(p -> p.getFileName().toString().matches("mdmgen-\\d.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no generator/target/mdmgen-<version>.jar: run mvn package"));
    }
  }

  /** spark-submit of mdmgen with {@code args}, to this cluster (null: no master, e.g. --help). */
  Cli.Result submit(Path workDir, boolean toCluster, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(sparkHome.resolve("bin/spark-submit").toString()));
    if (toCluster) {
      cmd.addAll(List.of("--master", masterUrl, "--driver-memory", "2g", "--executor-memory", "2g"));
    }
    cmd.addAll(List.of("--class", "io.mdmgen.cli.Main", applicationJar().toString()));
    cmd.addAll(List.of(args));
    Files.createDirectories(workDir);
    Process p = environment(new ProcessBuilder(cmd)).directory(workDir.toFile())
        .redirectOutput(workDir.resolve("stdout.txt").toFile())
        .redirectError(workDir.resolve("stderr.txt").toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("spark-submit " + args[0] + " did not finish in 10 minutes");
    }
    return Cli.result(workDir, p);
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : daemons) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : daemons) {
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }
}
