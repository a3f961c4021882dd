package io.mdmgen.cli;

import io.mdmgen.batch.BatchJob;
import io.mdmgen.batch.RunReport;
import io.mdmgen.batch.SparkSessions;
import io.mdmgen.sinks.HiveOrcSink;
import io.mdmgen.sinks.NoopSink;
import io.mdmgen.sinks.TableSink;
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
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code mdmgen} command line. */
@Command(name = "mdmgen", mixinStandardHelpOptions = true, version = "mdmgen 0.1.0",
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Generates a deterministic world of master customers and their CRM, ERP and"
        + " e-commerce records.%nBatch mode writes them to Hive ORC tables (embedded metastore).",
    exitCodeOnInvalidInput = Main.BAD_INPUT)
public final class Main implements Callable<Integer> {
  static final int BAD_INPUT = 2;

  /** Which engine mode to run. */
  enum Mode { batch, stream }

  /** Where batch tables go. */
  enum Sink { hive, noop }

  @Option(names = "--mode", defaultValue = "batch", paramLabel = "MODE", description = "batch (stream is not built yet). Default: ${DEFAULT-VALUE}.")
  Mode mode;

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

  @Option(names = "--sink", defaultValue = "hive", paramLabel = "SINK", description = "hive (ORC tables) or noop (generate and discard: a speed probe). Default: ${DEFAULT-VALUE}.")
  Sink sink;

  @Option(names = "--warehouse", defaultValue = "./warehouse", paramLabel = "DIR",
      description = "Hive warehouse and embedded metastore directory. Default: ${DEFAULT-VALUE}.")
  Path warehouse;

  @Option(names = "--database", defaultValue = "mdm_demo", paramLabel = "NAME", description = "Hive database. Default: ${DEFAULT-VALUE}.")
  String database;

  @Option(names = "--table-suffix", defaultValue = "", paramLabel = "SUFFIX", description = "Appended to every table name, e.g. _scale.")
  String tableSuffix;

  @Option(names = "--write-mode", defaultValue = "overwrite", paramLabel = "MODE",
      description = "overwrite or append (append continues after the customers already in the tables). Default: ${DEFAULT-VALUE}.")
  WriteMode writeMode;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Spark partitions per table. Default: one per 2M source records, at least 2 per core.")
  int partitions;

  @Option(names = "--embed-truth", description = "Also write customer_id (the master) into the source tables.")
  boolean embedTruth;

  @Option(names = "--orc-compression", defaultValue = "zstd", paramLabel = "CODEC", description = "zstd, snappy, lz4, zlib or none. Default: ${DEFAULT-VALUE}.")
  OrcCompression orcCompression;

  @Option(names = "--report", paramLabel = "FILE", description = "Where to write the run report. Default: run-report.json beside the warehouse.")
  Path report;

  @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL", description = "Spark master. Default: ${DEFAULT-VALUE}.")
  String master;

  /** ORC codecs Spark writes. */
  enum OrcCompression { zstd, snappy, lz4, zlib, none }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((e, args) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("mdmgen: " + oneLine(e.getMessage()) + " (see --help)");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof BadInput || e instanceof Planner.PlanException) {
        cmd.getErr().println("mdmgen: " + oneLine(e.getMessage()));
        return BAD_INPUT;
      }
      cmd.getErr().println("mdmgen: failed: " + oneLine(String.valueOf(e.getMessage())));
      e.printStackTrace(cmd.getErr());
      return 1;
    });
    return cl;
  }

  @Override
  public Integer call() throws IOException {
    if (mode == Mode.stream) {
      throw new BadInput("--mode stream: not built yet; only batch is available in this version");
    }
    OptionalLong total = count("--total-records", totalRecords);
    OptionalLong unique = count("--unique-customers", uniqueCustomers);
    if (total.isEmpty() && unique.isEmpty()) {
      throw new BadInput("--total-records: missing; give --total-records and/or --unique-customers");
    }
    if (partitions < 0) {
      throw new BadInput("--partitions " + partitions + ": must be a positive number (or 0 for automatic)");
    }
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new BadInput("--database '" + database + "': use letters, digits and _");
    }
    if (!tableSuffix.matches("[A-Za-z0-9_]*")) {
      throw new BadInput("--table-suffix '" + tableSuffix + "': use letters, digits and _");
    }
    WorldSpec spec = new WorldSpec(seed, date(), scenario());
    Path reportFile = report != null ? report
        : warehouse.toAbsolutePath().normalize().resolveSibling("run-report.json");
    if (sink == Sink.hive) {
      writable("--warehouse", warehouse);
    }
    writable("--report", reportFile.toAbsolutePath().getParent());

    SparkSession spark = sink == Sink.hive
        ? SparkSessions.hive(master, warehouse, orcCompression.name())
        : SparkSessions.plain(master);
    try {
      TableSink tables;
      long first = 0;
      if (sink == Sink.hive) {
        HiveOrcSink hive = new HiveOrcSink(spark, database, writeMode);
        String customers = Table.CUSTOMERS.baseName() + tableSuffix;
        if (writeMode == WriteMode.append && hive.exists(customers)) {
          first = spark.table(database + "." + customers).count();
        }
        tables = hive;
      } else {
        tables = new NoopSink();
      }
      BatchJob.Options options = new BatchJob.Options(spec, total, unique, first, partitions,
          tableSuffix, embedTruth);
      RunReport result = BatchJob.run(spark, options, tables);
      result.print(System.out);
      result.write(reportFile);
      System.out.println("  report: " + reportFile);
      return 0;
    } finally {
      spark.stop();
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

  private static void writable(String flag, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException | RuntimeException e) {
      throw new BadInput(flag + " " + dir + ": cannot create (" + e.getClass().getSimpleName() + ")");
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new BadInput(flag + " " + dir + ": not a writable directory");
    }
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
