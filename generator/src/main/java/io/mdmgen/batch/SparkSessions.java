package io.mdmgen.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a run. From {@code bin/mdmgen}: a local Spark (or {@code --master}) with
 * Hive support on an embedded Derby metastore inside the warehouse. Under {@code spark-submit}:
 * the session spark-submit configured (its master, and the cluster's own Hive catalog and
 * metastore, e.g. from {@code hive-site.xml}); mdmgen only adds its ORC writer settings and,
 * when given, the warehouse.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * ORC writes every string column directly, without a dictionary. ORC's default (0.8) keeps
   * dictionaries for names, cities and ZIP codes that barely shrink the files; even at 0.1 the
   * dictionaries of the few small columns (state, segment, ...) and the trial dictionaries ORC
   * builds for every column at the start of each stripe cost 15 % of the write time for 7 % of
   * the bytes (BENCHMARKS.md).
   */
  static final String ORC_DICTIONARY_THRESHOLD = "0";
  /** zstd level 1 instead of ORC's 3: 13 % faster writes for 2 % more bytes (BENCHMARKS.md). */
  static final String ORC_ZSTD_LEVEL = "1";

  /** Whether this JVM was started by {@code spark-submit} (which sets this system property). */
  public static boolean underSparkSubmit() {
    return Boolean.parseBoolean(System.getProperty("SPARK_SUBMIT"));
  }

  /**
   * A session with Hive support writing ORC. {@code warehouse}: a Hadoop file system URI, or
   * null for the session's own (spark-submit only); {@code embeddedMetastore}: a local directory
   * for the Derby metastore, or null for the session's catalog (spark-submit only).
   */
  public static SparkSession hive(String master, String warehouse, Path embeddedMetastore,
      String orcCompression) {
    SparkSession.Builder b = base(master);
    if (embeddedMetastore != null) {
      Path w = embeddedMetastore.toAbsolutePath();
      try {
        Files.createDirectories(w); // also where Derby's log goes
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create warehouse " + w, e);
      }
      System.setProperty("derby.stream.error.file", w.resolve("derby.log").toString());
      b.config("spark.hadoop.javax.jdo.option.ConnectionURL",
          "jdbc:derby:;databaseName=" + w.resolve("metastore_db") + ";create=true");
    }
    if (warehouse != null) {
      b.config("spark.sql.warehouse.dir", warehouse);
    }
    return b.config("spark.sql.orc.compression.codec", orcCompression)
        .config("spark.hadoop.orc.dictionary.key.threshold", ORC_DICTIONARY_THRESHOLD)
        .config("spark.hadoop.orc.compression.zstd.level", ORC_ZSTD_LEVEL)
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .enableHiveSupport()
        .getOrCreate();
  }

  /** A local warehouse directory with its embedded metastore (bin/mdmgen's default). */
  public static SparkSession hive(String master, Path warehouse, String orcCompression) {
    return hive(master, warehouse.toAbsolutePath().toUri().toString(), warehouse, orcCompression);
  }

  public static SparkSession plain(String master) {
    return base(master).getOrCreate();
  }

  /** A session for stream mode, where adaptive execution does not apply. */
  public static SparkSession streaming(String master) {
    return base(master).config("spark.sql.adaptive.enabled", "false").getOrCreate();
  }

  /** {@code master} null: spark-submit's (and its settings, the UI included). */
  private static SparkSession.Builder base(String master) {
    SparkSession.Builder b = SparkSession.builder().appName("mdmgen");
    return master == null ? b : b.master(master).config("spark.ui.enabled", "false");
  }
}
