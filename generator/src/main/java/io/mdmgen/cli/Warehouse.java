package io.mdmgen.cli;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where Hive tables go, from {@code --warehouse}. From bin/mdmgen: a local directory, which also
 * holds the embedded Derby metastore. Under spark-submit: any Hadoop file system URI (or a local
 * path, as {@code file://}) with the session's own metastore, or none for the session's own
 * warehouse.
 *
 * @param uri the warehouse as Spark takes it; null: the session's
 * @param local the local directory, if it is one (the run report goes beside it)
 * @param embeddedMetastore where the Derby metastore goes; null: the session's catalog
 */
record Warehouse(String uri, Path local, Path embeddedMetastore) {
  /** A scheme of two or more letters: {@code hdfs:}, {@code gs:}, {@code file:}, ... */
  private static final String SCHEME = "[A-Za-z][A-Za-z0-9+.-]+:.*";

  /** Whether {@code value} is a URI with a scheme (a Hadoop file system's), not a local path. */
  static boolean isUri(String value) {
    return value.matches(SCHEME);
  }

  static Warehouse of(String flag, boolean underSparkSubmit) {
    if (flag == null && underSparkSubmit) {
      return new Warehouse(null, null, null);
    }
    String value = flag == null ? "./warehouse" : flag;
    Path local = null;
    if (!isUri(value)) {
      local = Path.of(value);
    } else if (value.startsWith("file:")) {
      try {
        local = Path.of(URI.create(value));
      } catch (IllegalArgumentException e) {
        throw new Main.BadInput("--warehouse " + value + ": not a file URI (file:///path)");
      }
    } else if (!underSparkSubmit) {
      throw new Main.BadInput("--warehouse " + value + ": bin/mdmgen keeps its embedded metastore in"
          + " a local warehouse directory; a Hadoop file system URI takes spark-submit and the"
          + " cluster's metastore (README: Running on a cluster)");
    }
    if (local != null) {
      Main.writable("--warehouse", local);
      String uri = local.toAbsolutePath().normalize().toUri().toString();
      return new Warehouse(uri, local, underSparkSubmit ? null : local);
    }
    return new Warehouse(value, null, null);
  }
}
