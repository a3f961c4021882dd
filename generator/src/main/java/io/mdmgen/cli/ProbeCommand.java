package io.mdmgen.cli;

import io.mdmgen.events.Clock;
import io.mdmgen.events.DueHeader;
import io.mdmgen.events.Durations;
import io.mdmgen.events.Topic;
import io.mdmgen.probe.LatencyProbe;
import io.mdmgen.probe.ProbeReport;
import io.mdmgen.sinks.kafka.ProducerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code mdmgen probe}: end-to-end latency of a stream, measured from each event's planned send time. */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true, version = Main.VERSION,
    description = "Reads topics from their ends and reports how late each event arrived after its"
        + " planned send time (the " + DueHeader.NAME + " header every mdmgen event carries):"
        + " latency percentiles, events per second received, events per topic. Point it at"
        + " mdmgen's topics, or at a consumer's output topic if the consumer copies the header."
        + " Measured on this machine's clock: run it where the producer's clock agrees.",
    footer = {"%n--kafka.<property>=<value> sets a Kafka consumer property (e.g. security settings);"
        + " secret values are never printed."})
final class ProbeCommand implements Callable<Integer> {
  @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT,...", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(names = "--topics", split = ",", paramLabel = "TOPIC,...", description = "Topics to read. Default: the five mdmgen topics under --topic-prefix.")
  List<String> topics;

  @Option(names = "--topic-prefix", defaultValue = "mdm.", paramLabel = "PREFIX", description = "The stream run's topic prefix, for the default --topics. Default: ${DEFAULT-VALUE}")
  String topicPrefix;

  @Option(names = "--duration", paramLabel = "DURATION", description = "How long to listen once the topics exist, e.g. 60s, 10m. Default: until Ctrl-C.")
  String duration;

  @Option(names = "--report", defaultValue = "probe-report.json", paramLabel = "FILE", description = "Where to write the figures as JSON. Default: ${DEFAULT-VALUE}")
  Path report;

  @Unmatched
  List<String> kafkaOptions = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Map<String, String> consumer = ProducerOptions.parseConsumer(kafkaOptions);
    double seconds = Double.POSITIVE_INFINITY;
    if (duration != null) {
      try {
        seconds = Durations.seconds(duration);
      } catch (IllegalArgumentException e) {
        throw new Main.BadInput("--duration " + e.getMessage());
      }
      if (seconds <= 0) {
        throw new Main.BadInput("--duration " + duration + ": must be more than 0");
      }
    }
    List<String> names = topics != null ? topics
        : Arrays.stream(Topic.values()).map(t -> t.name(topicPrefix)).toList();
    for (String t : names) {
      if (!t.matches("[A-Za-z0-9._-]{1,249}")) {
        throw new Main.BadInput("--topics '" + t + "': not a Kafka topic name (letters, digits, '.', '_', '-')");
      }
    }
    Path reportFile = report.toAbsolutePath();
    Main.writable("--report", reportFile.getParent());

    LatencyProbe probe = new LatencyProbe(
        new LatencyProbe.Options(bootstrapServers, names, consumer, seconds), Clock.SYSTEM);
    CountDownLatch written = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      probe.stop();
      try {
        written.await(); // the report is written before the JVM goes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "mdmgen-probe-exit");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      ProbeReport result = probe.run(System.err);
      result.print(System.out);
      result.write(reportFile);
      System.out.println("  report: " + reportFile);
      return 0;
    } finally {
      written.countDown();
    }
  }
}
