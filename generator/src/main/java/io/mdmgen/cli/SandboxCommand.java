package io.mdmgen.cli;

import io.mdmgen.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code mdmgen sandbox}: a Kafka broker and a schema registry on loopback until Ctrl-C. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true, version = Main.VERSION,
    description = "Starts a real Kafka broker (KRaft) and a Confluent-compatible schema registry"
        + " (Apicurio) on 127.0.0.1 and keeps them up until Ctrl-C. The first two lines of output"
        + " are bootstrap.servers=... and schema.registry.url=...; data is deleted on exit.")
final class SandboxCommand implements Callable<Integer> {
  @Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "PORT", description = "Broker port (0: any free one). Default: ${DEFAULT-VALUE}.")
  int kafkaPort;

  @Option(names = "--schema-registry-port", defaultValue = "8081", paramLabel = "PORT", description = "Registry port (0: any free one). Default: ${DEFAULT-VALUE}.")
  int registryPort;

  /** Anything else on the line: refused, rather than starting servers the user did not ask for. */
  @Unmatched
  List<String> unknown = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    if (!unknown.isEmpty()) {
      String first = unknown.get(0).replaceFirst("=.*", "=...");
      throw new Main.BadInput("sandbox: unknown " + (first.startsWith("-") ? "option " : "argument ") + first
          + " (see mdmgen sandbox --help)");
    }
    if (io.mdmgen.batch.SparkSessions.underSparkSubmit()) {
      throw new Main.BadInput("sandbox: runs from bin/mdmgen only (the application jar for spark-submit"
          + " carries no Kafka broker)");
    }
    for (int port : new int[] {kafkaPort, registryPort}) {
      if (port < 0 || port > 65_535) {
        throw new Main.BadInput((port == kafkaPort ? "--kafka-port " : "--schema-registry-port ") + port
            + ": not a port (0-65535)");
      }
    }
    try {
      if (kafkaPort > 0) {
        Sandbox.inUse(kafkaPort, "--kafka-port");
      }
      if (registryPort > 0) {
        Sandbox.inUse(registryPort, "--schema-registry-port");
      }
    } catch (IllegalArgumentException e) {
      throw new Main.BadInput(e.getMessage());
    }
    System.err.println("mdmgen sandbox: starting Kafka and the schema registry...");
    Sandbox sandbox = Sandbox.start(kafkaPort, registryPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "mdmgen-sandbox-exit"));
    System.out.println("bootstrap.servers=" + sandbox.bootstrapServers());
    System.out.println("schema.registry.url=" + sandbox.schemaRegistryUrl());
    System.out.flush();
    System.err.println("mdmgen sandbox: up; Ctrl-C stops both and deletes their data");
    stopped.await();
    return 0;
  }
}
