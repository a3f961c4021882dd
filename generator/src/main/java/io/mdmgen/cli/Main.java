package io.mdmgen.cli;

import io.mdmgen.batch.BatchJob;
import io.mdmgen.events.Durations;
import io.mdmgen.events.RateProfile;
import io.mdmgen.events.StreamPlan;
import io.mdmgen.sandbox.Sandbox;
import io.mdmgen.sandbox.TempDirs;
import io.mdmgen.stream.StreamIdentity;
import io.mdmgen.sinks.kafka.ProducerOptions;
import io.mdmgen.sinks.kafka.SchemaRegistry;
import io.mdmgen.sinks.kafka.SinkException;
import io.mdmgen.stream.StreamJob;
import io.mdmgen.stream.StreamReport;
import io.mdmgen.batch.RunReport;
import io.mdmgen.batch.SparkSessions;
import io.mdmgen.sinks.HiveOrcSink;
import io.mdmgen.sinks.NoopSink;
import io.mdmgen.sinks.TableSink;
import io.mdmgen.sinks.TargetException;
import io.mdmgen.sinks.bigquery.BigQueryConnection;
import io.mdmgen.sinks.bigquery.BigQuerySink;
import io.mdmgen.sinks.WriteMode;
import io.mdmgen.world.Planner;
import io.mdmgen.world.Scenario;
import io.mdmgen.world.Table;
import io.mdmgen.world.WorldSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** The {@code mdmgen} command line. */
@Command(name = "mdmgen", mixinStandardHelpOptions = true, version = Main.VERSION,
    sortOptions = false, usageHelpAutoWidth = true, abbreviateSynopsis = true,
    description = "Generates a deterministic world of master customers and their CRM, ERP and"
        + " e-commerce records.%nStream mode sends change events to Kafka as Avro (Confluent wire"
        + " format); batch mode writes the tables to Hive ORC or BigQuery. Runs on a local Spark, or"
        + " as an application jar under spark-submit on any Spark cluster.",
    subcommands = {SandboxCommand.class, ScoreCommand.class, ProbeCommand.class},
    footer = {"%nStream: --kafka.<property>=<value> sets a Kafka producer property, e.g."
        + " --kafka.acks=all, --kafka.compression.type=zstd, --kafka.security.protocol=SASL_SSL;"
        + " checked before anything starts, secret values never printed."},
    exitCodeOnInvalidInput = Main.BAD_INPUT)
public final class Main implements Callable<Integer> {
  static final int BAD_INPUT = 2;
  static final String VERSION = "mdmgen 0.1.0";

  /** Which engine mode to run. */
  enum Mode { batch, stream }

  /** Where batch tables go. */
  enum Sink { hive, bigquery, noop }

  @Option(names = "--mode", paramLabel = "MODE", description = "stream (change events to Kafka) or batch (tables to Hive ORC or BigQuery). Default: stream if --events-per-second or --rate-profile is given, else batch.")
  Mode mode;

  @Option(names = "--events-per-second", paramLabel = "RATE", description = "Stream: events per second over all topics (tombstones and truth records included); the base rate of constant, ramp: and spike: profiles.")
  String eventsPerSecond;

  @Option(names = "--duration", paramLabel = "DURATION", description = "Stream: how long to run, e.g. 60s, 10m, 1h30m. Default: until Ctrl-C.")
  String duration;

  @Option(names = "--rate-profile", defaultValue = "constant", paramLabel = "PROFILE", description = "Stream: when events are sent. constant; ramp:DURATION (from 0 up to the rate); steps:RATE@DURATION,... (each stage its rate; no --events-per-second needed; --duration defaults to the stages' total); spike:FACTORx@DURATION/PERIOD (FACTOR times the rate for the last DURATION of every PERIOD); diurnal:PEAK/TROUGH@PERIOD (a cosine from the trough to the peak and back). Default: ${DEFAULT-VALUE}.")
  String rateProfile;

  @Option(names = "--delivery-timeout", defaultValue = "30s", paramLabel = "DURATION", description = "Stream: stop with exit code 1 (the report still written) after this long without Kafka acknowledging anything. Default: ${DEFAULT-VALUE}.")
  String deliveryTimeout;

  @Option(names = "--due-header", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Stream: every record carries its planned send time in the Kafka header mdmgen.due_ms, for mdmgen probe (28 bytes a record; --no-due-header for the last events per second at full speed). Default: ${DEFAULT-VALUE}.")
  boolean dueHeader;

  @Option(names = "--exactly-once", description = "Stream: write through Kafka transactions, so that a read_committed consumer sees every event once, also after a crash and a resume from --checkpoint (resume with the same --partitions). Costs throughput (BENCHMARKS.md). Default: at least once.")
  boolean exactlyOnce;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Stream: Kafka brokers. Default: start an embedded broker and schema registry for the run.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Stream: Confluent-compatible Schema Registry (for Apicurio: http://HOST:PORT/apis/ccompat/v7). Required with --bootstrap-servers.")
  String schemaRegistryUrl;

  @Option(names = "--schema-registry-auth", paramLabel = "USER:PASSWORD", description = "Stream: basic auth for the registry (or env MDMGEN_SCHEMA_REGISTRY_AUTH). Never printed.")
  String schemaRegistryAuth;

  @Option(names = "--topic-prefix", defaultValue = "mdm.", paramLabel = "PREFIX", description = "Stream: topic name prefix. Default: ${DEFAULT-VALUE}")
  String topicPrefix;

  @Option(names = "--topic-partitions", defaultValue = "0", paramLabel = "N", description = "Stream: partitions of topics mdmgen creates; 0 (the default): the brokers' default.")
  int topicPartitions;

  @Option(names = "--checkpoint", paramLabel = "DIR|URI", description = "Stream: checkpoint directory (or a Hadoop file system URI: hdfs://, gs://, s3a://); a rerun with it goes on at the next event. Default: a temporary one.")
  String checkpoint;

  @Unmatched
  List<String> kafkaOptions = new ArrayList<>();

  @Option(names = "--total-records", paramLabel = "COUNT",
      description = "Exact number of source records over the three source tables: 1000000, 1_000_000, 1e6, 250M.")
  String totalRecords;

  @Option(names = "--unique-customers", paramLabel = "COUNT",
      description = "Size of the master pool (golden customers). Default: as many as --total-records needs.")
  String uniqueCustomers;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "World seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--as-of", defaultValue = "2026-01-01", paramLabel = "DATE",
      description = "Date the world is seen from (dates are relative to it). Default: ${DEFAULT-VALUE}.")
  String asOf;

  @Option(names = "--scenario", paramLabel = "FILE", description = "YAML file overriding per-source rates.")
  Path scenario;

  @Option(names = "--sink", defaultValue = "hive", paramLabel = "SINK", description = "hive (ORC tables), bigquery (Storage Write API) or noop (generate and discard: a speed probe). Default: ${DEFAULT-VALUE}.")
  Sink sink;

  @Option(names = "--warehouse", paramLabel = "DIR|URI",
      description = "Hive warehouse: a local directory that also holds the embedded metastore (default ./warehouse), or under spark-submit any Hadoop file system URI (hdfs://, gs://, s3a://, file://) with the cluster's metastore (default: the session's own warehouse).")
  String warehouse;

  @Option(names = "--database", defaultValue = "mdm_demo", paramLabel = "NAME", description = "Hive database. Default: ${DEFAULT-VALUE}.")
  String database;

  @Option(names = "--table-suffix", defaultValue = "", paramLabel = "SUFFIX", description = "Appended to every table name, e.g. _scale.")
  String tableSuffix;

  @Option(names = "--write-mode", defaultValue = "overwrite", paramLabel = "MODE",
      description = "overwrite or append (append continues after the customers already in the tables). Default: ${DEFAULT-VALUE}.")
  WriteMode writeMode;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Spark partitions per table (batch) or tasks per micro-batch (stream); 0 (the default): one per 2M source records and at least 2 per core (batch), one per core (stream).")
  int partitions;

  @Option(names = "--embed-truth", description = "Also write customer_id (the master) into the source tables.")
  boolean embedTruth;

  @Option(names = "--orc-compression", defaultValue = "zstd", paramLabel = "CODEC", description = "zstd, snappy, lz4, zlib or none. Default: ${DEFAULT-VALUE}.")
  OrcCompression orcCompression;

  @Option(names = "--report", paramLabel = "FILE", description = "Where to write the run report. Default: run-report.json beside the warehouse (batch), ./stream-report.json (stream).")
  Path report;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*] (under spark-submit: spark-submit's --master).")
  String master;

  @Mixin
  BigQueryFlags bigQuery = new BigQueryFlags();

  @Option(names = "--debug", description = "On a failure, also print its stack trace and Spark's own task error logs.")
  boolean debug;

  /**
   * Spark's loggers that report a failed task, each with the whole stack trace, several times
   * over (and the failed write with its settings). Without --debug the failure is reported once,
   * in our own line with its root cause.
   */
  /** Where a stream without --checkpoint keeps its checkpoint (removed after the run). */
  private static final String TEMP_CHECKPOINT = "mdmgen-checkpoint-";
  private static final String[] TASK_FAILURE_LOGGERS = {
      "org.apache.spark.executor.Executor",
      "org.apache.spark.scheduler.TaskSetManager",
      "org.apache.spark.util.Utils",
      "org.apache.spark.sql.execution.datasources.v2.DataWritingSparkTask",
      "org.apache.spark.sql.execution.datasources.v2.WriteToDataSourceV2Exec",
      "org.apache.spark.sql.execution.datasources.FileFormatWriter",
      "org.apache.spark.sql.execution.streaming.MicroBatchExecution",
      "org.apache.spark.sql.execution.streaming.AsyncProgressTrackingMicroBatchExecution"};

  /** Without --debug, a failure is reported once, by us (see {@link #TASK_FAILURE_LOGGERS}). */
  static void quietTaskFailures(boolean debug) {
    if (!debug) {
      for (String logger : TASK_FAILURE_LOGGERS) {
        Configurator.setLevel(logger, Level.OFF);
      }
    }
  }

  /** ORC codecs Spark writes. */
  enum OrcCompression { zstd, snappy, lz4, zlib, none }

  /**
   * Spark 4.0.0 makes its session artifact directory under the working directory, not the
   * temporary one (SPARK-52396), and leaves it behind empty.
   */
  private static final Path SPARK_ARTIFACTS = Path.of("artifacts");

  public static void main(String[] args) {
    if (!Files.exists(SPARK_ARTIFACTS)) {
      // After Spark's own hook (priority 25) has deleted the session's directory inside it.
      org.apache.spark.util.ShutdownHookManager.addShutdownHook(20, new scala.runtime.AbstractFunction0<>() {
        @Override
        public scala.runtime.BoxedUnit apply() {
          try {
            Files.deleteIfExists(SPARK_ARTIFACTS); // only if empty: DirectoryNotEmptyException else
          } catch (IOException e) {
            // not empty: someone put something there
          }
          return scala.runtime.BoxedUnit.UNIT;
        }
      });
    }
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    HelpLayout.apply(cl);
    cl.setParameterExceptionHandler((e, args) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("mdmgen: " + oneLine(e.getMessage()) + " (see --help)");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof BadInput || e instanceof Planner.PlanException || e instanceof SinkException) {
        cmd.getErr().println("mdmgen: " + oneLine(e.getMessage()));
        return BAD_INPUT;
      }
      boolean debug = cmd.getCommand() instanceof Main main ? main.debug
          : cmd.getCommand() instanceof ScoreCommand score && score.debug;
      cmd.getErr().println("mdmgen: failed: " + rootCause(e)
          + (debug ? "" : " (--debug shows the stack trace)"));
      if (debug) {
        e.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    return cl;
  }

  @Override
  public Integer call() throws Exception {
    quietTaskFailures(debug);
    Mode m = mode != null ? mode
        : eventsPerSecond != null || !rateProfile.equals("constant") ? Mode.stream : Mode.batch;
    String[][] onlyFor = m == Mode.stream
        ? new String[][] {{"--total-records", totalRecords}, {"--unique-customers", uniqueCustomers},
            {"--write-mode", writeMode == WriteMode.overwrite ? null : writeMode.name()},
            {"--table-suffix", tableSuffix.isEmpty() ? null : tableSuffix}}
        : new String[][] {{"--events-per-second", eventsPerSecond}, {"--duration", duration},
            {"--bootstrap-servers", bootstrapServers}, {"--schema-registry-url", schemaRegistryUrl},
            {"--rate-profile", rateProfile.equals("constant") ? null : rateProfile},
            {"--checkpoint", checkpoint},
            {"--delivery-timeout", deliveryTimeout.equals("30s") ? null : deliveryTimeout},
            {"--no-due-header", dueHeader ? null : ""}, {"--exactly-once", exactlyOnce ? "" : null}};
    for (String[] flag : onlyFor) {
      if (flag[1] != null) {
        throw new BadInput(flag[0] + (flag[1].isEmpty() ? "" : " " + flag[1]) + ": not used in "
            + m + " mode (see --help)");
      }
    }
    return m == Mode.stream ? stream() : batch();
  }

  private int stream() throws Exception {
    if (!kafkaOptions.isEmpty() && !kafkaOptions.get(0).startsWith("--kafka.")) {
      throw new BadInput("unknown option " + kafkaOptions.get(0).replaceFirst("=.*", "=...") + " (see --help)");
    }
    double rate = Double.NaN;
    if (eventsPerSecond != null) {
      try {
        rate = Double.parseDouble(eventsPerSecond.replace("_", ""));
      } catch (NumberFormatException e) {
        rate = Double.NaN;
      }
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new BadInput("--events-per-second " + eventsPerSecond + ": must be a positive number");
      }
    }
    RateProfile profile;
    try {
      profile = RateProfile.parse(rateProfile, rate);
    } catch (IllegalArgumentException e) {
      if (eventsPerSecond == null && e.getMessage().contains("--events-per-second")) {
        throw new BadInput("--events-per-second: missing; give the target rate, e.g."
            + " --events-per-second 5000 (or a --rate-profile with rates of its own, steps: or diurnal:)");
      }
      throw new BadInput("--rate-profile " + e.getMessage());
    }
    if (profile.ownRates() && eventsPerSecond != null) {
      throw new BadInput("--events-per-second " + eventsPerSecond + ": not used with --rate-profile "
          + rateProfile + ", which names its own rates");
    }
    double seconds = profile instanceof RateProfile.Steps st ? st.totalSeconds() : Double.POSITIVE_INFINITY;
    if (duration != null) {
      try {
        seconds = Durations.seconds(duration);
      } catch (IllegalArgumentException e) {
        throw new BadInput("--duration " + e.getMessage());
      }
      if (seconds <= 0) {
        throw new BadInput("--duration " + duration + ": must be longer than 0");
      }
    }
    double deliverySeconds;
    try {
      deliverySeconds = Durations.seconds(deliveryTimeout);
    } catch (IllegalArgumentException e) {
      throw new BadInput("--delivery-timeout " + e.getMessage());
    }
    if (deliverySeconds < 1) {
      throw new BadInput("--delivery-timeout " + deliveryTimeout + ": must be at least 1s");
    }
    if (partitions < 0 || topicPartitions < 0) {
      throw new BadInput("--partitions/--topic-partitions: must be positive (or 0 for the default)");
    }
    if (!topicPrefix.matches("[A-Za-z0-9._-]*")) {
      throw new BadInput("--topic-prefix '" + topicPrefix + "': use letters, digits, '.', '_' and '-'");
    }
    if ((bootstrapServers == null) != (schemaRegistryUrl == null)) {
      throw new BadInput(bootstrapServers == null
          ? "--bootstrap-servers: missing; give it with --schema-registry-url, or neither for the embedded sandbox"
          : "--schema-registry-url: missing; give it with --bootstrap-servers, or neither for the embedded sandbox");
    }
    if (bootstrapServers == null && SparkSessions.underSparkSubmit()) {
      throw new BadInput("--bootstrap-servers: missing; under spark-submit give the Kafka brokers and"
          + " --schema-registry-url (the embedded sandbox runs only from bin/mdmgen)");
    }
    String master = sparkMaster(); // a bad --master fails now, before any server starts
    ProducerOptions producer = ProducerOptions.parse(kafkaOptions);
    if (exactlyOnce) { // transactions need the idempotent producer, which needs every replica's ack
      String acks = producer.properties().getOrDefault("acks", "all");
      if (!acks.equals("all") && !acks.equals("-1")) {
        throw new BadInput("--kafka.acks=" + acks + ": --exactly-once needs acks=all");
      }
      if (producer.properties().getOrDefault("enable.idempotence", "true").equals("false")) {
        throw new BadInput("--kafka.enable.idempotence=false: --exactly-once needs the idempotent producer");
      }
    }
    WorldSpec spec = new WorldSpec(seed, date(), scenario());
    try {
      io.mdmgen.events.StreamPlan.of(spec, profile, embedTruth); // hot keys that cannot place their share
    } catch (IllegalArgumentException e) {
      throw new BadInput("--scenario " + scenario + ": " + e.getMessage());
    }
    Path reportFile = report != null ? report : Path.of("stream-report.json");
    writable("--report", reportFile.toAbsolutePath().getParent());
    String auth = schemaRegistryAuth != null ? schemaRegistryAuth : System.getenv("MDMGEN_SCHEMA_REGISTRY_AUTH");
    if (auth != null && !auth.contains(":")) {
      throw new BadInput("--schema-registry-auth: expected USER:PASSWORD");
    }

    Sandbox sandbox = null;
    Path tempCheckpoint = null;
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean cleanStop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    try {
      String bootstrap = bootstrapServers;
      String registryUrl = schemaRegistryUrl;
      if (bootstrap == null) {
        System.err.println("mdmgen: starting an embedded Kafka broker and schema registry (no --bootstrap-servers given)...");
        sandbox = Sandbox.start(0, 0);
        bootstrap = sandbox.bootstrapServers();
        registryUrl = sandbox.schemaRegistryUrl();
        System.err.println("mdmgen: bootstrap.servers=" + bootstrap + " schema.registry.url=" + registryUrl);
      }
      SchemaRegistry registry = new SchemaRegistry(registryUrl, auth);
      String cp = checkpoint;
      if (cp == null) {
        tempCheckpoint = TempDirs.create(TEMP_CHECKPOINT);
        cp = tempCheckpoint.toString();
      } else if (!Warehouse.isUri(cp)) { // a local directory
        writable("--checkpoint", Path.of(cp));
      }
      StreamJob.Options options = new StreamJob.Options(spec, profile, seconds,
          embedTruth, bootstrap, registry, producer, topicPrefix, topicPartitions, cp, partitions,
          deliverySeconds, dueHeader, exactlyOnce ? transactionalIds(cp, topicPrefix) : "");
      StreamIdentity identity = StreamIdentity.of(StreamPlan.of(spec, profile, embedTruth), topicPrefix, embedTruth,
          exactlyOnce);
      if (tempCheckpoint == null) {
        resumable(checkpoint, identity);
      }
      int[] ids = StreamJob.prepare(options);
      try {
        identity.write(cp);
      } catch (IOException e) {
        throw new BadInput("--checkpoint " + checkpoint + ": cannot write to it: " + e.getMessage());
      }
      SparkSession spark = SparkSessions.streaming(master);
      if (options.partitions() == 0) { // one task per core the executors have
        options = options.withPartitions(spark.sparkContext().defaultParallelism());
      }
      // Above Spark's default priority (100), which its executor stops with: the batch in flight
      // still needs the executor.
      org.apache.spark.util.ShutdownHookManager.addShutdownHook(200, new scala.runtime.AbstractFunction0<>() {
        @Override
        public scala.runtime.BoxedUnit apply() {
          stop.set(true); // Ctrl-C: stop the query cleanly and still write the report
          try {
            done.await(25, TimeUnit.SECONDS); // Hadoop gives Spark's hooks 30 s in all
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return scala.runtime.BoxedUnit.UNIT;
        }
      });
      // After every other hook of Spark's: a run stopped cleanly by a signal exits 0, as a
      // service does, where the JVM would give the signal's 130 or 143.
      org.apache.spark.util.ShutdownHookManager.addShutdownHook(1, new scala.runtime.AbstractFunction0<>() {
        @Override
        public scala.runtime.BoxedUnit apply() {
          if (cleanStop.get()) {
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(0);
          }
          return scala.runtime.BoxedUnit.UNIT;
        }
      });
      try {
        System.out.printf("mdmgen stream: %s to %s, topics %s*, %s%n",
            eventsPerSecond == null ? profile.text()
                : eventsPerSecond + " events/s (" + profile.text() + ")",
            bootstrap, topicPrefix, Double.isInfinite(seconds) ? "until Ctrl-C"
                : "for " + (duration != null ? duration : Durations.text(seconds)));
        StreamReport result = StreamJob.run(spark, options, ids, stop, System.out);
        result.print(System.out, tempCheckpoint == null);
        result.write(reportFile);
        System.out.println("  report: " + reportFile.toAbsolutePath());
        if (result.stopped() != null) {
          System.err.println("mdmgen: " + result.stopped());
          return 1;
        }
        cleanStop.set(true);
        return 0;
      } finally {
        spark.stop();
      }
    } catch (SinkException e) {
      throw new BadInput(e.getMessage());
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
      if (tempCheckpoint != null) {
        TempDirs.delete(tempCheckpoint);
      }
      done.countDown();
    }
  }

  /** Refuses a checkpoint whose stream was started with other options than {@code identity}'s. */
  /**
   * The prefix of an exactly-once stream's transactional ids: the same for every run resumed from
   * {@code checkpoint} into {@code topicPrefix}, and another for any other checkpoint.
   */
  private static String transactionalIds(String checkpoint, String topicPrefix) {
    String where = Warehouse.isUri(checkpoint) ? checkpoint : Path.of(checkpoint).toAbsolutePath().normalize().toString();
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest((where + "\n" + topicPrefix).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "mdmgen-" + java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void resumable(String checkpoint, StreamIdentity identity) {
    Optional<StreamIdentity> stored;
    try {
      stored = StreamIdentity.read(checkpoint);
    } catch (IOException e) {
      throw new BadInput("--checkpoint " + checkpoint + ": cannot read it: " + e.getMessage());
    }
    stored.flatMap(identity::differenceFrom).ifPresent(d -> {
      throw new BadInput("--checkpoint " + checkpoint + ": its stream was started with " + d
          + "; resume with the options it was started with, or give a new --checkpoint");
    });
  }

  private int batch() throws IOException {
    if (!kafkaOptions.isEmpty()) {
      throw new BadInput("unknown option " + kafkaOptions.get(0).replaceFirst("=.*", "=...") + " (see --help)");
    }
    OptionalLong total = count("--total-records", totalRecords);
    OptionalLong unique = count("--unique-customers", uniqueCustomers);
    if (total.isEmpty() && unique.isEmpty()) {
      throw new BadInput("--total-records: missing; give --total-records and/or --unique-customers");
    }
    if (partitions < 0) {
      throw new BadInput("--partitions " + partitions + ": must be a positive number (or 0 for automatic)");
    }
    checkTableNames(database, tableSuffix);
    String bigQueryFlag = bigQuery.firstGiven();
    if (bigQueryFlag != null && sink != Sink.bigquery) {
      throw new BadInput(bigQueryFlag + ": only for --sink bigquery (the sink is " + sink + ")");
    }
    if (warehouse != null && sink != Sink.hive) {
      throw new BadInput("--warehouse: only for --sink hive (the sink is " + sink + ")");
    }
    WorldSpec spec = new WorldSpec(seed, date(), scenario());
    Planner.checkScale(spec.scenario(), 0, total, unique); // again with the appended-to rows later
    // Before Spark starts; an append's customers start where its tables end, known once it has.
    Planner.Plan overwrite = writeMode == WriteMode.overwrite ? BatchJob.plan(spec, 0, total, unique) : null;
    String sparkMaster = sparkMaster();
    Warehouse wh = sink == Sink.hive ? Warehouse.of(warehouse, SparkSessions.underSparkSubmit()) : null;
    Path reportFile = report != null ? report
        : wh != null && wh.local() != null ? wh.local().toAbsolutePath().normalize().resolveSibling("run-report.json")
        : Path.of("run-report.json").toAbsolutePath();
    writable("--report", reportFile.toAbsolutePath().getParent());
    // Sinks that need no Spark session are opened (and their target checked) before Spark starts.
    TableSink tables = sink == Sink.bigquery
        ? targetChecked(() -> new BigQuerySink(bigQuery.options(writeMode, GoogleCredentials.ofThisMachine(), spec.labels())))
        : null;

    WarehouseLock lock = wh != null && wh.embeddedMetastore() != null ? WarehouseLock.take(wh.embeddedMetastore()) : null;
    try (lock) {
      if (overwrite != null) {
        BatchJob.say(overwrite); // before Spark's start-up, which takes seconds
      }
      return batch(spec, sparkMaster, wh, tables, overwrite, total, unique, reportFile);
    }
  }

  private int batch(WorldSpec spec, String sparkMaster, Warehouse wh, TableSink bigQuerySink,
      Planner.Plan overwrite, OptionalLong total, OptionalLong unique, Path reportFile) throws IOException {
    TableSink tables = bigQuerySink;
    SparkSession spark = switch (sink) {
      case hive -> SparkSessions.hive(sparkMaster, wh.uri(), wh.embeddedMetastore(), orcCompression.name());
      case bigquery, noop -> SparkSessions.plain(sparkMaster);
    };
    BatchSignal signal = new BatchSignal(spark);
    try {
      if (sink == Sink.hive) {
        tables = new HiveOrcSink(spark, new HiveOrcSink.Options(database, writeMode, spec.labels()));
      } else if (sink == Sink.noop) {
        tables = new NoopSink();
      }
      TableSink target = tables;
      if (writeMode == WriteMode.append) {
        for (Table t : Table.values()) {
          sameWorld(t.baseName() + tableSuffix, targetChecked(() -> target.labels(t.baseName() + tableSuffix)),
              spec.labels(), target);
        }
      }
      Planner.Plan plan = overwrite;
      if (plan == null) { // an append: its customers start after the tables' customers
        plan = BatchJob.plan(spec, targetChecked(() -> target.rowsIn(Table.CUSTOMERS.baseName() + tableSuffix)),
            total, unique);
        BatchJob.say(plan);
      }
      BatchJob.Options options = new BatchJob.Options(spec, plan, partitions, tableSuffix, embedTruth);
      RunReport result = targetChecked(() -> BatchJob.run(spark, options, target));
      result.print(System.out);
      result.write(reportFile);
      System.out.println("  report: " + reportFile);
      return 0;
    } catch (Throwable e) { // Spark's SparkException is checked, and Scala throws it undeclared
      if (signal.stopping()) {
        System.err.println("mdmgen: stopped by a signal before the commit: no table was changed,"
            + " the staged rows are removed");
        return 1;
      }
      throw e;
    } finally {
      spark.stop();
      BigQueryConnection.closeAll();
      signal.done();
    }
  }

  /**
   * Ctrl-C or SIGTERM during a batch run: cancels its Spark jobs and holds the JVM until the run
   * has removed what it staged (the sink's abort needs the Spark context, which Spark's own hook
   * stops later), instead of Spark's shutdown errors.
   */
  private static final class BatchSignal {
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    BatchSignal(SparkSession spark) {
      org.apache.spark.util.ShutdownHookManager.addShutdownHook(200, new scala.runtime.AbstractFunction0<>() {
        @Override
        public scala.runtime.BoxedUnit apply() {
          if (done.getCount() > 0) {
            stopping.set(true);
            Configurator.setLevel("org.apache.spark.rpc.netty.Inbox", Level.OFF); // tasks refused while stopping
            spark.sparkContext().cancelAllJobs();
            try {
              done.await(25, TimeUnit.SECONDS); // Hadoop gives Spark's hooks 30 s in all
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return scala.runtime.BoxedUnit.UNIT;
        }
      });
    }

    boolean stopping() {
      return stopping.get();
    }

    void done() {
      done.countDown();
    }
  }

  /**
   * Refuses an append to {@code table} if it was written with another world than {@code mine}
   * ({@code stored}: its labels; none for a new table or one written before mdmgen kept them).
   */
  private static void sameWorld(String table, Map<String, String> stored, Map<String, String> mine,
      TableSink sink) {
    for (Map.Entry<String, String> e : mine.entrySet()) {
      String was = stored.get(e.getKey());
      if (was != null && !was.equals(e.getValue())) {
        String flag = WorldSpec.LABEL_FLAGS.get(e.getKey());
        String difference = flag.equals("--scenario") ? "another --scenario" : flag + " " + was + ", not " + e.getValue();
        throw new BadInput("--write-mode append: " + sink.describe(table) + " was written with "
            + difference + "; append with the options it was written with, or overwrite it");
      }
    }
  }

  /** Runs {@code step}; a target that cannot take the tables is bad input, named by its flag. */
  private <T> T targetChecked(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (TargetException e) {
      String flag = switch (e.what()) {
        case DATASET -> "--dataset-id " + bigQuery.datasetId;
        case TABLE_COLUMNS -> "--write-mode append";
        case SERVICE -> bigQuery.restEndpoint != null ? "--bigquery-endpoint " + bigQuery.restEndpoint
            : "--project-id " + bigQuery.projectId;
      };
      String hint = e.what() == TargetException.What.TABLE_COLUMNS
          ? " (was it written with another --embed-truth?)" : "";
      throw new BadInput(flag + ": " + e.getMessage() + hint);
    }
  }

  /**
   * The Spark master: {@code --master}, or {@code local[*]}; under spark-submit, spark-submit's
   * own (null), and {@code --master} belongs on spark-submit's command line.
   */
  private String sparkMaster() {
    return sparkMaster(master);
  }

  static String sparkMaster(String master) {
    if (SparkSessions.underSparkSubmit()) {
      if (master != null) {
        throw new BadInput("--master " + master + ": under spark-submit, give --master to spark-submit itself");
      }
      return null;
    }
    if (master == null) {
      return "local[*]";
    }
    SparkMasters.check(master);
    return master;
  }

  /** {@code --database} and {@code --table-suffix} as Hive names take them. */
  static void checkTableNames(String database, String tableSuffix) {
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new BadInput("--database '" + database + "': use letters, digits and _");
    }
    if (!tableSuffix.matches("[A-Za-z0-9_]*")) {
      throw new BadInput("--table-suffix '" + tableSuffix + "': use letters, digits and _");
    }
  }

  private LocalDate date() {
    try {
      return LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new BadInput("--as-of '" + asOf + "': not a date (YYYY-MM-DD)");
    }
  }

  private Scenario scenario() {
    if (scenario == null) {
      return Scenario.defaults();
    }
    String text;
    try {
      text = Files.readString(scenario);
    } catch (IOException | RuntimeException e) {
      throw new BadInput("--scenario " + scenario + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return Scenario.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInput("--scenario " + scenario + ": " + e.getMessage());
    }
  }

  private static OptionalLong count(String flag, String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Counts.parse(value));
    } catch (IllegalArgumentException e) {
      throw new BadInput(flag + " " + e.getMessage());
    }
  }

  static void writable(String flag, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException | RuntimeException e) {
      throw new BadInput(flag + " " + dir + ": cannot create (" + e.getClass().getSimpleName() + ")");
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new BadInput(flag + " " + dir + ": not a writable directory");
    }
  }

  /**
   * The innermost cause, which says what went wrong (Spark wraps a task's failure in a job's, and
   * a job's message carries the whole stack trace).
   */
  static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getName()
        : t.getClass().getSimpleName() + ": " + oneLine(t.getMessage());
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** Input the run cannot start with; reported as one line and exit code 2. */
  static final class BadInput extends IllegalArgumentException {
    BadInput(String message) {
      super(message);
    }
  }
}
