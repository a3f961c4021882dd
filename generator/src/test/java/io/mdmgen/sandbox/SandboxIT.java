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
import java.nio.file.Path;
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
    Process p = new ProcessBuilder(Cli.ROOT.resolve("bin/mdmgen").toString(), "sandbox",
        "--kafka-port", "0", "--schema-registry-port", "0")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      Matcher kafka = Pattern.compile("bootstrap\\.servers=127\\.0\\.0\\.1:(\\d+)").matcher(out.readLine());
      Matcher registry = Pattern.compile("schema\\.registry\\.url=(http://127\\.0\\.0\\.1:(\\d+)/apis/ccompat/v7)")
          .matcher(out.readLine());
      assertTrue(kafka.matches(), "first line: bootstrap.servers=...");
      assertTrue(registry.matches(), "second line: schema.registry.url=...");

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
