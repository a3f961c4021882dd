package io.mdmgen.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller in one process) and a real Schema Registry
 * (Apicurio's distribution, whose Confluent-compatible API is at {@code /apis/ccompat/v7}), each
 * in its own JVM on loopback, with their data in a temporary directory removed on close.
 */
public final class Sandbox implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String REGISTRY_PATH = "/apis/ccompat/v7";

  /** Owners close the sandbox themselves, after their clean stop; this hook is the safety net. */
  private static final long OWNER_GRACE_SECONDS = 40;

  private static final String TEMP_PREFIX = "mdmgen-sandbox-";

  private final Path dir;
  private final Optional<Watchdog> watchdog;
  private final List<Process> processes = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread onExit = new Thread(this::stopUnlessClosed, "mdmgen-sandbox-stop");
  private int kafkaPort;
  private int registryPort;

  private Sandbox(Path dir, Optional<Watchdog> watchdog) {
    this.dir = dir;
    this.watchdog = watchdog;
  }

  /**
   * Starts both servers and returns once each answers. A port of 0 picks a free one.
   *
   * @throws IllegalStateException naming the server that did not come up and where its log is
   */
  public static Sandbox start(int kafkaPort, int registryPort) {
    Sandbox s;
    try {
      Path dir = TempDirs.create(TEMP_PREFIX);
      s = new Sandbox(dir, watchdog(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(s.onExit);
    try {
      s.kafkaPort = kafkaPort > 0 ? inUse(kafkaPort, "--kafka-port") : freePort();
      s.registryPort = registryPort > 0 ? inUse(registryPort, "--schema-registry-port") : freePort();
      Process registry = s.startRegistry();
      s.startKafka();
      s.awaitRegistry(registry);
      return s;
    } catch (IllegalArgumentException e) {
      s.close();
      throw e;
    } catch (RuntimeException | IOException e) {
      s.stopProcesses(); // keeps the logs the message points to
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The servers' watchdog, or none (with a warning) where no shell can be started. */
  private static Optional<Watchdog> watchdog(Path dir) {
    try {
      return Optional.of(Watchdog.start(dir));
    } catch (IOException e) {
      System.err.println("mdmgen: cannot start sh to watch the sandbox's servers (" + e.getMessage()
          + "); if this JVM is killed with -9 they keep running");
      return Optional.empty();
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  public String schemaRegistryUrl() {
    return "http://127.0.0.1:" + registryPort + REGISTRY_PATH;
  }

  private void startKafka() throws IOException {
    Path data = dir.resolve("kafka-data");
    int controllerPort = freePort();
    Path config = dir.resolve("server.properties");
    Files.writeString(config, String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "listeners=PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + kafkaPort,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "log.dirs=" + data,
        "num.partitions=3",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        ""));
    Process format = java(List.of("-Xmx256m", "-cp", classPath(), "kafka.tools.StorageTool",
        "format", "--ignore-formatted", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
        Map.of(), dir.resolve("kafka-format.log"));
    try {
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IllegalStateException("formatting the Kafka log directory failed; see "
            + dir.resolve("kafka-format.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Kafka");
    }
    Process kafka = java(List.of("-Xmx1g", "-cp", classPath(), "kafka.Kafka", config.toString()),
        Map.of(), dir.resolve("kafka.log"));
    serve(kafka);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000);
    try (Admin client = Admin.create(admin)) {
      while (true) {
        if (!kafka.isAlive()) {
          throw new IllegalStateException("Kafka exited with " + kafka.exitValue() + "; see " + dir.resolve("kafka.log"));
        }
        try {
          client.describeCluster().nodes().get(4, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka did not answer within " + START_TIMEOUT.toSeconds()
                + " s; see " + dir.resolve("kafka.log"));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Kafka");
    }
  }

  private Process startRegistry() throws IOException {
    Path jar = registryJar();
    Process p = java(List.of("-Xmx512m", "-jar", jar.toString()), Map.of(
        "QUARKUS_HTTP_HOST", "127.0.0.1",
        "QUARKUS_HTTP_PORT", Integer.toString(registryPort)), dir.resolve("schema-registry.log"));
    serve(p);
    return p;
  }

  /** A server this sandbox stops on close, or its watchdog if this JVM dies first. */
  private void serve(Process p) throws IOException {
    processes.add(p);
    if (watchdog.isPresent()) {
      watchdog.get().watch(p);
    }
  }

  private void awaitRegistry(Process registry) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(schemaRegistryUrl() + "/subjects"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (!registry.isAlive()) {
        throw new IllegalStateException("the schema registry exited with " + registry.exitValue()
            + "; see " + dir.resolve("schema-registry.log"));
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting the schema registry");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the schema registry did not answer within "
            + START_TIMEOUT.toSeconds() + " s; see " + dir.resolve("schema-registry.log"));
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting the schema registry");
      }
    }
  }

  private Process java(List<String> args, Map<String, String> env, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).directory(dir.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Apicurio's runner jar, unpacked by the build beside mdmgen's own jar (or MDMGEN_SCHEMA_REGISTRY_JAR). */
  static Path registryJar() {
    String override = System.getenv("MDMGEN_SCHEMA_REGISTRY_JAR");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    Path target;
    try {
      target = Path.of(Sandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path dir = target.resolve("schema-registry");
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*-runner.jar")) {
        for (Path jar : jars) {
          return jar;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no schema registry in " + dir + "; build with `mvn -DskipTests package`"
        + " (it unpacks Apicurio there) or set MDMGEN_SCHEMA_REGISTRY_JAR");
  }

  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  /** {@code port}, if nothing listens on it yet; else an error naming {@code flag}. */
  public static int inUse(int port, String flag) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return port;
    } catch (IOException e) {
      throw new IllegalArgumentException(flag + " " + port + ": already in use on 127.0.0.1 (use another port, or 0 for any free one)");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * At JVM exit, gives the owner time to finish with the servers (a stream run stopped by Ctrl-C
   * still writes its last batch to the broker) and stops them only if it did not close them.
   */
  private void stopUnlessClosed() {
    try {
      closed.await(OWNER_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopProcesses();
  }

  private synchronized void stopProcesses() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }

  @Override
  public void close() {
    stopProcesses();
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running or has run
    }
    watchdog.ifPresent(Watchdog::close);
    TempDirs.delete(dir);
  }
}
