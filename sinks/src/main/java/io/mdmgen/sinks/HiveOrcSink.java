package io.mdmgen.sinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.orc.OrcConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Hive tables stored as ORC, through the session's Hive metastore. Each table is first written
 * as {@code <table>__staging}; commit swaps it in (overwrite) or moves its files into the
 * existing table (append), so readers never see a partly written table.
 */
public final class HiveOrcSink implements TableSink {
  private static final String STAGING = "__staging";

  private final SparkSession spark;
  private final String database;
  private final WriteMode mode;
  private final Map<String, String> labels;
  private final Set<String> staged = new LinkedHashSet<>();

  /**
   * What the sink writes to: a database of the session's Hive catalog (the session decides the
   * metastore and the warehouse), whether rows replace or extend the tables there, and the
   * labels (table properties) the tables it creates carry.
   */
  public record Options(String database, WriteMode mode, Map<String, String> labels) {}

  public HiveOrcSink(SparkSession spark, Options options) {
    this.spark = spark;
    this.database = options.database();
    this.mode = options.mode();
    this.labels = options.labels();
    spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "`");
  }

  @Override
  public void check(String table, StructType schema) {
    if (exists(table + STAGING)) {
      // Left by a run that was killed before it could clean up; never visible as a result.
      spark.sql("DROP TABLE " + qualified(table + STAGING));
    }
    if (mode == WriteMode.append && exists(table)) {
      StructType existing = spark.table(qualified(table)).schema();
      if (!existing.sameType(schema) || !Arrays.equals(existing.fieldNames(), schema.fieldNames())) {
        throw new TargetException(TargetException.What.TABLE_COLUMNS, "table " + qualified(table)
            + " has other columns than this run writes");
      }
    }
  }

  /** Writes {@code rows} with Spark's own Hive ORC writer (the benchmark's reference). */
  public void stage(String table, Dataset<Row> rows) {
    String staging = freshStaging(table);
    rows.write().format("hive").option("fileFormat", "orc").mode("errorifexists").saveAsTable(staging);
  }

  /**
   * Tasks write the partitions of {@code rows} straight into the staging table's files with ORC's
   * vectorized writer (one file per partition), with the session's ORC codec and writer settings.
   * The table is created with the same DDL Spark gives a Hive ORC table, and read by Spark's ORC
   * reader like any other.
   */
  @Override
  public void stage(String table, GeneratedRows rows) {
    String staging = freshStaging(table);
    spark.sql("CREATE TABLE " + staging + " (" + columns(rows.schema()) + ") STORED AS ORC"
        + (labels.isEmpty() ? "" : " TBLPROPERTIES (" + labels.entrySet().stream()
            .map(e -> "'" + e.getKey() + "'='" + e.getValue() + "'").collect(Collectors.joining(", ")) + ")"));
    Path location = location(staging);
    String dir = location.toString();
    String job = UUID.randomUUID().toString();
    Map<String, String> settings = writerSettings();
    LongAccumulator written = spark.sparkContext().longAccumulator(ROWS_WRITTEN);
    rows.eachPartition(spark, p -> written.add(OrcPartFile.write(rows, p, dir, job, settings)));
    try {
      location.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .delete(new Path(location, OrcPartFile.TEMPORARY), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spark.sql("REFRESH TABLE " + staging);
  }

  /** The staging table of {@code table}, dropped if it exists and noted for commit or abort. */
  private String freshStaging(String table) {
    String staging = qualified(table + STAGING);
    spark.sql("DROP TABLE IF EXISTS " + staging);
    staged.add(table);
    return staging;
  }

  /**
   * The Hadoop settings tasks write with: the session's, plus its ORC codec under ORC's own key
   * (Spark passes it to its writer separately).
   */
  private Map<String, String> writerSettings() {
    Map<String, String> settings = new HashMap<>();
    for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
      settings.put(e.getKey(), e.getValue());
    }
    String codec = spark.conf().get("spark.sql.orc.compression.codec").toUpperCase(Locale.ROOT);
    settings.put(OrcConf.COMPRESS.getAttribute(), codec.equals("UNCOMPRESSED") ? "NONE" : codec);
    return settings;
  }

  private static String columns(StructType schema) {
    return Arrays.stream(schema.fields())
        .map(f -> "`" + f.name() + "` " + f.dataType().sql())
        .collect(Collectors.joining(", "));
  }

  @Override
  public void commit() {
    for (String table : staged) {
      String staging = qualified(table + STAGING);
      if (mode == WriteMode.append && exists(table)) {
        moveFiles(staging, qualified(table));
        spark.sql("DROP TABLE " + staging);
        spark.sql("REFRESH TABLE " + qualified(table));
      } else {
        spark.sql("DROP TABLE IF EXISTS " + qualified(table));
        spark.sql("ALTER TABLE " + staging + " RENAME TO " + qualified(table));
      }
    }
    staged.clear();
  }

  /**
   * Deletes each staging table's files first, then drops the table: a run that failed for want
   * of disk space frees it, so that the metastore (often on the same disk) can record the drops.
   * Goes on past what fails, and reports the first failure after trying everything.
   */
  @Override
  public void abort() {
    RuntimeException first = null;
    for (String table : staged) {
      String staging = qualified(table + STAGING);
      try {
        if (exists(table + STAGING)) {
          Path location = location(staging);
          FileSystem fs = location.getFileSystem(spark.sparkContext().hadoopConfiguration());
          fs.delete(location, true);
          fs.mkdirs(location); // the drop deletes the (now empty) directory itself, without an error
        }
      } catch (IOException | RuntimeException e) {
        first = first != null ? first : new IllegalStateException("cannot delete the files of " + staging, e);
      }
      try {
        spark.sql("DROP TABLE IF EXISTS " + staging);
      } catch (RuntimeException e) {
        first = first != null ? first : e;
      }
    }
    staged.clear();
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String describe(String table) {
    return "hive:" + qualified(table) + " (ORC)";
  }

  @Override
  public Map<String, String> labels(String table) {
    if (!exists(table)) {
      return Map.of();
    }
    Map<String, String> found = new HashMap<>();
    for (Row r : spark.sql("SHOW TBLPROPERTIES " + qualified(table)).collectAsList()) {
      if (labels.containsKey(r.getString(0))) {
        found.put(r.getString(0), r.getString(1));
      }
    }
    return found;
  }

  @Override
  public long rowsIn(String table) {
    return exists(table) ? spark.table(qualified(table)).count() : 0;
  }

  private boolean exists(String table) {
    return spark.catalog().tableExists(database, table);
  }

  private void moveFiles(String from, String to) {
    Path src = location(from);
    Path dst = location(to);
    try {
      FileSystem fs = src.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus f : fs.listStatus(src)) {
        String name = f.getPath().getName();
        if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")
            && !fs.rename(f.getPath(), new Path(dst, name))) {
          throw new IOException("cannot move " + f.getPath() + " into " + dst);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path location(String qualifiedTable) {
    return new Path(spark.sql("DESCRIBE TABLE EXTENDED " + qualifiedTable)
        .where("col_name = 'Location'").first().getString(1));
  }

  private String qualified(String table) {
    return "`" + database + "`.`" + table + "`";
  }
}
