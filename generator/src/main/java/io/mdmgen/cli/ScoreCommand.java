package io.mdmgen.cli;

import io.mdmgen.batch.SparkSessions;
import io.mdmgen.score.BadPredictions;
import io.mdmgen.score.Predictions;
import io.mdmgen.score.ScoreJob;
import io.mdmgen.score.ScoreReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code mdmgen score}: a matcher's clusters against a batch run's truth. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true, version = Main.VERSION,
    usageHelpAutoWidth = true,
    description = "Scores a matcher's clusters against the truth of a batch run: pairwise and B-cubed"
        + " precision, recall and F1, cluster counts, how the matcher treated the hard negatives, and"
        + " the worst false merges and splits with their records. Prints them and writes JSON.%n"
        + "The predictions hold one row per source record: source_record_id, the cluster id"
        + " (--cluster-column) and optionally source_system.")
final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--predictions", paramLabel = "FILE|DIR", description = "The matcher's output: a CSV file with a header, or Parquet (a file or a directory of part files).")
  String predictions;

  @Option(names = "--predictions-table", paramLabel = "[DB.]TABLE", description = "The matcher's output as a table of the catalog (default database: --database).")
  String predictionsTable;

  @Option(names = "--predictions-format", paramLabel = "FORMAT", description = "csv or parquet. Default: told by the file name (.csv, .csv.gz, .parquet) or a directory's files.")
  Predictions.Format format;

  @Option(names = "--cluster-column", defaultValue = "cluster_id", paramLabel = "NAME", description = "The column holding the cluster id. Default: ${DEFAULT-VALUE}.")
  String clusterColumn;

  @Option(names = "--missing-as-singletons", description = "Score records the predictions leave out as clusters of their own (else they are an error).")
  boolean missingAsSingletons;

  @Option(names = "--warehouse", paramLabel = "DIR|URI", description = "The batch run's warehouse (as it was given to the run). Default: ./warehouse (under spark-submit: the session's).")
  String warehouse;

  @Option(names = "--database", defaultValue = "mdm_demo", paramLabel = "NAME", description = "The batch run's database. Default: ${DEFAULT-VALUE}.")
  String database;

  @Option(names = "--table-suffix", defaultValue = "", paramLabel = "SUFFIX", description = "The batch run's table suffix.")
  String tableSuffix;

  @Option(names = "--worst", defaultValue = "5", paramLabel = "N", description = "How many worst false merges and false splits to show. Default: ${DEFAULT-VALUE}.")
  int worst;

  @Option(names = "--report", paramLabel = "FILE", description = "Where to write the scores as JSON. Default: score-report.json beside the warehouse.")
  Path report;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*] (under spark-submit: spark-submit's --master).")
  String master;

  @Option(names = "--debug", description = "On a failure, also print its stack trace and Spark's own task error logs.")
  boolean debug;

  /** Anything else on the line: refused with its name. */
  @Unmatched
  List<String> unknown = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Main.quietTaskFailures(debug);
    if (!unknown.isEmpty()) {
      String first = unknown.get(0).replaceFirst("=.*", "=...");
      throw new Main.BadInput("score: unknown " + (first.startsWith("-") ? "option " : "argument ") + first
          + " (see mdmgen score --help)");
    }
    if ((predictions == null) == (predictionsTable == null)) {
      throw new Main.BadInput(predictions == null
          ? "--predictions: missing; give the matcher's output as --predictions FILE or --predictions-table TABLE"
          : "--predictions-table " + predictionsTable + ": give --predictions or --predictions-table, not both");
    }
    if (format != null && predictions == null) {
      throw new Main.BadInput("--predictions-format " + format + ": only for --predictions (a table has its own)");
    }
    if (worst < 0 || worst > 100) {
      throw new Main.BadInput("--worst " + worst + ": must be 0-100");
    }
    Main.checkTableNames(database, tableSuffix);
    String flag = predictions != null ? "--predictions " + predictions : "--predictions-table " + predictionsTable;
    if (predictions != null && !Warehouse.isUri(predictions) && !Files.exists(Path.of(predictions))) {
      throw new Main.BadInput(flag + ": no such file or directory");
    }
    String sparkMaster = Main.sparkMaster(master);
    boolean submitted = SparkSessions.underSparkSubmit();
    String local = warehouse != null ? warehouse : submitted ? null : "./warehouse";
    if (local != null && !Warehouse.isUri(local) && !Files.isDirectory(Path.of(local).resolve("metastore_db"))) {
      throw new Main.BadInput("--warehouse " + local + ": no batch run there (no metastore_db);"
          + " give the --warehouse of the batch run");
    }
    Warehouse wh = Warehouse.of(warehouse, submitted);
    Path reportFile = report != null ? report
        : wh.local() != null ? wh.local().toAbsolutePath().normalize().resolveSibling("score-report.json")
        : Path.of("score-report.json").toAbsolutePath();
    Main.writable("--report", reportFile.toAbsolutePath().getParent());
    Predictions source;
    try {
      source = predictions != null ? Predictions.file(predictions, format, clusterColumn)
          : Predictions.table(predictionsTable, clusterColumn);
      source.checkHeader();
    } catch (BadPredictions e) {
      throw new Main.BadInput(flag + ": " + e.getMessage());
    }

    WarehouseLock lock = wh.embeddedMetastore() != null ? WarehouseLock.take(wh.embeddedMetastore()) : null;
    try (lock) { // held until Spark has let go of the metastore
      return score(sparkMaster, wh, source, reportFile, flag);
    }
  }

  private int score(String sparkMaster, Warehouse wh, Predictions source, Path reportFile, String flag)
      throws java.io.IOException {
    SparkSession spark = SparkSessions.hive(sparkMaster, wh.uri(), wh.embeddedMetastore(), "zstd");
    try {
      ScoreReport result = ScoreJob.run(spark,
          new ScoreJob.Options(database, tableSuffix, source, missingAsSingletons, worst), System.err);
      result.print(System.out);
      result.write(reportFile);
      System.out.println("  report: " + reportFile);
      return 0;
    } catch (BadPredictions e) {
      throw new Main.BadInput(flag + ": " + e.getMessage());
    } catch (ScoreJob.NoRun e) {
      throw new Main.BadInput(e.getMessage());
    } finally {
      spark.stop();
    }
  }
}
