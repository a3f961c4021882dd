package io.mdmgen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.cli.Cli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** `bin/mdmgen sandbox` as a user starts it: two lines to attach to, real servers, clean stop. */
class SandboxIT {
  @Test
  void printsBothEndpointsFirstServesThemAndStopsOnSigterm() throws Exception {
    Process p = start();
    try {
      Endpoints e = endpoints(p);
      Matcher kafka = e.kafka();
      Matcher registry = e.registry();

      HttpResponse<String> subjects = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(registry.group(1) + "/subjects")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, subjects.statusCode());
      assertEquals("[]", subjects.body().trim());
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          "127.0.0.1:" + kafka.group(1)))) {
        assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
      }

      p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops both servers
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "sandbox stopped");
      for (String port : new String[] {kafka.group(1), registry.group(2)}) {
        assertFalse(Cli.listening(Integer.parseInt(port)), "port " + port + " closed");
      }
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void killedWithSigkillItsServersDieAndItsDirectoryGoesAndTheNextStartRemovesDeadOwnersDirectories()
      throws Exception {
    // A directory of a sandbox that died without its watchdog: its owner file names a process
    // that has ended (pid and start time, as TempDirs writes them).
    Process ended = new ProcessBuilder("sleep", "60").start();
    String identity = ended.pid() + " " + ended.toHandle().info().startInstant().orElseThrow();
    ended.destroyForcibly().waitFor();
    Path stale = Files.createTempDirectory("mdmgen-sandbox-");
    Files.writeString(stale.resolve(TempDirs.OWNER), identity);
    Files.writeString(stale.resolve("kafka.log"), "left behind");

    Process p = start();
    try {
      Endpoints e = endpoints(p);
      Matcher kafka = e.kafka();
      Matcher registry = e.registry();
      assertFalse(Files.exists(stale), "the dead owner's directory was removed at start");
      List<ProcessHandle> servers = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).toList();
      assertEquals(2, servers.size(), "a broker and a registry JVM: " + servers);
      Path dir = ownDirectory(p.pid());

      p.destroyForcibly().waitFor(); // kill -9: no shutdown hook runs
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline && (servers.stream().anyMatch(ProcessHandle::isAlive)
          || Files.exists(dir))) {
        Thread.sleep(100);
      }
      assertTrue(servers.stream().noneMatch(ProcessHandle::isAlive), "no server outlives its sandbox by 10 s");
      for (String port : new String[] {kafka.group(1), registry.group(2)}) {
        assertFalse(Cli.listening(Integer.parseInt(port)), "port " + port + " free");
      }
      assertFalse(Files.exists(dir), "its temporary directory is gone: " + dir);
    } finally {
      p.destroyForcibly();
    }
  }

  private static Process start() throws Exception {
    return new ProcessBuilder(Cli.ROOT.resolve("bin/mdmgen").toString(), "sandbox",
        "--kafka-port", "0", "--schema-registry-port", "0")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** The two first lines: the broker's port, and the registry's URL and port. */
  private record Endpoints(Matcher kafka, Matcher registry) {}

  private static Endpoints endpoints(Process sandbox) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
    Matcher kafka = Pattern.compile("bootstrap\\.servers=127\\.0\\.0\\.1:(\\d+)").matcher(out.readLine());
    Matcher registry = Pattern.compile("schema\\.registry\\.url=(http://127\\.0\\.0\\.1:(\\d+)/apis/ccompat/v7)")
        .matcher(out.readLine());
    assertTrue(kafka.matches(), "first line: bootstrap.servers=...");
    assertTrue(registry.matches(), "second line: schema.registry.url=...");
    return new Endpoints(kafka, registry);
  }

  /** The temporary directory the sandbox with pid {@code owner} made for itself. */
  private static Path ownDirectory(long owner) throws Exception {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
        "mdmgen-sandbox-*")) {
      for (Path d : dirs) {
        Path o = d.resolve(TempDirs.OWNER);
        if (Files.isRegularFile(o) && Files.readString(o).startsWith(owner + " ")) {
          return d;
        }
      }
    }
    throw new AssertionError("no mdmgen-sandbox-* directory owned by " + owner);
  }

  @Test
  void aTakenPortIsBadInput() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli.Result r = Cli.run(Path.of(System.getProperty("java.io.tmpdir"), "mdmgen-sandbox-port"),
          "sandbox", "--kafka-port", Integer.toString(taken.getLocalPort()), "--schema-registry-port", "0");
      assertEquals(2, r.exit());
      assertEquals(1, r.stderr().size(), r.stderr().toString());
      assertTrue(r.stderr().toString().contains("--kafka-port " + taken.getLocalPort()), r.stderr().toString());
    }
  }
}
