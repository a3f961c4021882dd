package io.mdmgen.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a run: Hive support on an embedded Derby metastore inside the warehouse. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * ORC keeps a dictionary for a string column only while its distinct values stay under this
   * share of the rows. ORC's 0.8 keeps dictionaries for names, cities and ZIP codes that barely
   * shrink the files and cost a third of the write time; 0.1 keeps them for states, segments and
   * the like (measured: +30% rows/s, +12% bytes; BENCHMARKS.md).
   */
  static final String ORC_DICTIONARY_THRESHOLD = "0.1";

  public static SparkSession hive(String master, Path warehouse, String orcCompression) {
    Path w = warehouse.toAbsolutePath();
    try {
      Files.createDirectories(w); // also where Derby's log goes
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create warehouse " + w, e);
    }
    System.setProperty("derby.stream.error.file", w.resolve("derby.log").toString());
    return base(master)
        .config("spark.sql.warehouse.dir", w.toUri().toString())
        .config("spark.hadoop.javax.jdo.option.ConnectionURL",
            "jdbc:derby:;databaseName=" + w.resolve("metastore_db") + ";create=true")
        .config("spark.sql.orc.compression.codec", orcCompression)
        .config("spark.hadoop.orc.dictionary.key.threshold", ORC_DICTIONARY_THRESHOLD)
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .enableHiveSupport()
        .getOrCreate();
  }

  public static SparkSession plain(String master) {
    return base(master).getOrCreate();
  }

  /** A session for stream mode, where adaptive execution does not apply. */
  public static SparkSession streaming(String master) {
    return base(master).config("spark.sql.adaptive.enabled", "false").getOrCreate();
  }

  private static SparkSession.Builder base(String master) {
    return SparkSession.builder().appName("mdmgen").master(master).config("spark.ui.enabled", "false");
  }
}
