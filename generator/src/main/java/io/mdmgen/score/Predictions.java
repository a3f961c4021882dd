package io.mdmgen.score;

import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A matcher's output: one row per source record with the cluster it was put in. Read from a CSV
 * file with a header, Parquet, or a table of the session's catalog; only
 * {@code source_record_id}, the cluster column and (if present) {@code source_system} are read,
 * each as a string.
 */
public final class Predictions {
  /** How a predictions file is written. */
  public enum Format { csv, parquet }

  static final String RECORD = "source_record_id";
  static final String SYSTEM = "source_system";

  private final String path;
  private final Format format;
  private final String table;
  private final String clusterColumn;

  private Predictions(String path, Format format, String table, String clusterColumn) {
    this.path = path;
    this.format = format;
    this.table = table;
    this.clusterColumn = clusterColumn;
  }

  /**
   * A file or a directory of part files (as Spark and DuckDB write them). {@code format} null:
   * told by the name ({@code .csv}, {@code .csv.gz}, {@code .parquet}) or, for a local
   * directory, by its files'.
   */
  public static Predictions file(String path, Format format, String clusterColumn) {
    return new Predictions(path, format != null ? format : formatOf(path), null, clusterColumn);
  }

  /** A table: {@code name} or {@code database.name}. */
  public static Predictions table(String name, String clusterColumn) {
    return new Predictions(null, null, name, clusterColumn);
  }

  public String describe() {
    return table != null ? "table " + table : path;
  }

  /**
   * Checks a local CSV file's header before Spark starts (Spark checks every other source when it
   * reads it): a missing column is a one-line error at once rather than after the session is up.
   */
  public void checkHeader() {
    if (format != Format.csv || path.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") || !Files.isRegularFile(Path.of(path))
        || path.endsWith(".gz")) {
      return;
    }
    String header;
    try (var lines = Files.lines(Path.of(path))) {
      header = lines.findFirst().orElse("");
    } catch (IOException | UncheckedIOException e) {
      throw new BadPredictions("cannot read it (" + e.getClass().getSimpleName() + ")");
    }
    List<String> columns = Arrays.stream(header.split(",", -1))
        .map(c -> c.strip().replaceAll("^\"(.*)\"$", "$1")).toList();
    for (String name : List.of(RECORD, clusterColumn)) {
      if (columns.stream().noneMatch(name::equalsIgnoreCase)) {
        throw missing(name, columns);
      }
    }
  }

  /** The rows as {@code rid}, {@code cid} and {@code psys} (null where the source has none). */
  Dataset<Row> read(SparkSession spark, String database) {
    Dataset<Row> raw;
    try {
      raw = table != null ? spark.table(table.contains(".") ? table : database + "." + table)
          : format == Format.csv ? spark.read().option("header", "true").csv(path)
          : spark.read().parquet(path);
    } catch (RuntimeException e) { // Spark's AnalysisException: no such table or file, not Parquet
      throw new BadPredictions(table != null ? "cannot read the table (" + firstLine(e) + ")"
          : "cannot read it as " + format + " (" + firstLine(e) + ")");
    }
    List<String> columns = Arrays.asList(raw.columns());
    Column record = column(raw, columns, RECORD);
    Column cluster = column(raw, columns, clusterColumn);
    Optional<String> system = columns.stream().filter(SYSTEM::equalsIgnoreCase).findFirst();
    return raw.select(record.cast("string").as("rid"), cluster.cast("string").as("cid"),
        system.map(s -> raw.col("`" + s + "`").cast("string")).orElse(lit(null).cast("string")).as("psys"));
  }

  private Column column(Dataset<Row> raw, List<String> columns, String name) {
    return columns.stream().filter(name::equalsIgnoreCase).findFirst()
        .map(c -> raw.col("`" + c + "`"))
        .orElseThrow(() -> missing(name, columns));
  }

  private BadPredictions missing(String name, List<String> columns) {
    return new BadPredictions("no column " + name + " (it has: " + String.join(", ", columns) + ")"
        + (name.equals(clusterColumn) ? "; name the cluster column with --cluster-column" : ""));
  }

  private static Format formatOf(String path) {
    String name = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
      return Format.csv;
    }
    if (name.endsWith(".parquet")) {
      return Format.parquet;
    }
    Path dir = name.matches("[a-z][a-z0-9+.-]+:.*") ? null : Path.of(path);
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        List<String> names = files.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))
            .filter(n -> !n.startsWith(".") && !n.startsWith("_")).toList();
        if (!names.isEmpty() && names.stream().allMatch(n -> n.endsWith(".parquet"))) {
          return Format.parquet;
        }
        if (!names.isEmpty() && names.stream().allMatch(n -> n.endsWith(".csv") || n.endsWith(".csv.gz"))) {
          return Format.csv;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new BadPredictions("cannot tell whether it is CSV or Parquet; name it .csv or .parquet,"
        + " or give --predictions-format");
  }

  private static String firstLine(RuntimeException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m).replaceAll("\\s+", " ").trim();
  }
}
