package io.mdmgen.cli;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a run: Hive support on an embedded Derby metastore inside the warehouse. */
final class Sessions {
  private Sessions() {}

  static SparkSession hive(String master, Path warehouse, String orcCompression) {
    Path w = warehouse.toAbsolutePath();
    System.setProperty("derby.stream.error.file", w.resolve("derby.log").toString());
    return SparkSession.builder()
        .appName("mdmgen")
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.warehouse.dir", w.toUri().toString())
        .config("spark.hadoop.javax.jdo.option.ConnectionURL",
            "jdbc:derby:;databaseName=" + w.resolve("metastore_db") + ";create=true")
        .config("spark.sql.orc.compression.codec", orcCompression)
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .enableHiveSupport()
        .getOrCreate();
  }

  static SparkSession plain(String master) {
    return SparkSession.builder()
        .appName("mdmgen")
        .master(master)
        .config("spark.ui.enabled", "false")
        .getOrCreate();
  }
}
