package io.mdmgen.stream;

import io.mdmgen.cli.Cli;
import io.mdmgen.sandbox.Sandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The real broker and registry the stream ITs share, and ways to read back what a run wrote. */
public final class StreamSandbox {
  public static final Path FAST_DEMO = Cli.ROOT.resolve("scenarios/fast-demo.yaml");
  private static Sandbox sandbox;

  private StreamSandbox() {}

  public static synchronized Sandbox get() {
    if (sandbox == null) {
      sandbox = Sandbox.start(0, 0);
      Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    }
    return sandbox;
  }

  /** A stream run against the sandbox, in its own JVM, as a user would start it. */
  static Cli.Result stream(Path dir, String... args) throws IOException, InterruptedException {
    return Cli.run(dir, against(args));
  }

  /** Starts a stream run against the sandbox and returns at once. */
  static Process startStream(Path dir, String... args) throws IOException {
    return Cli.start(dir, against(args));
  }

  private static String[] against(String... args) {
    List<String> all = new ArrayList<>(List.of("--mode", "stream",
        "--bootstrap-servers", get().bootstrapServers(),
        "--schema-registry-url", get().schemaRegistryUrl()));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  /** Every record of {@code topic}, in partition order. */
  static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, get().bootstrapServers());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(15)).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> ends = c.endOffsets(parts);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end in 60 s");
        }
        c.poll(Duration.ofMillis(500)).forEach(out::add);
      }
    }
    return out;
  }

  private static final Map<Integer, Schema> SCHEMAS = new HashMap<>();

  /** The schema the registry holds under {@code id}, fetched with the Confluent REST API. */
  static synchronized Schema schema(int id) throws IOException, InterruptedException {
    Schema s = SCHEMAS.get(id);
    if (s == null) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(get().schemaRegistryUrl() + "/schemas/ids/" + id)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        throw new AssertionError("registry has no schema " + id + ": HTTP " + r.statusCode());
      }
      String json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("schema").asText();
      s = new Schema.Parser().parse(json);
      SCHEMAS.put(id, s);
    }
    return s;
  }

  /** scripts/verify-stream (Confluent's Python deserializer) on the topics under {@code prefix}. */
  public static Verified verify(Path dir, String prefix, String... more) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Cli.ROOT.resolve("scripts/verify-stream").toString(),
        "--bootstrap-servers", get().bootstrapServers(),
        "--schema-registry-url", get().schemaRegistryUrl(), "--topic-prefix", prefix));
    cmd.addAll(List.of(more));
    Files.createDirectories(dir);
    Path out = dir.resolve("verify.json");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(dir.resolve("verify.err").toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("verify-stream did not finish in 10 minutes");
    }
    return new Verified(p.exitValue(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile()),
        Files.readString(dir.resolve("verify.err")));
  }

  public record Verified(int exit, com.fasterxml.jackson.databind.JsonNode summary, String stderr) {}
}
