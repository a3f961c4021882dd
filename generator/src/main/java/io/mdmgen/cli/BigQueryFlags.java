package io.mdmgen.cli;

import io.mdmgen.sinks.WriteMode;
import io.mdmgen.sinks.bigquery.BigQueryConnection;
import io.mdmgen.sinks.bigquery.BigQuerySink;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags of {@code --sink bigquery}, and the sink options they make. */
final class BigQueryFlags {
  @Option(names = "--project-id", paramLabel = "PROJECT", description = "BigQuery: the Google Cloud project the tables go to (and whose quota the writes use).")
  String projectId;

  @Option(names = "--dataset-id", paramLabel = "DATASET", description = "BigQuery: the dataset (it must exist). Staging tables go to DATASET_mdmgen_staging, created if needed.")
  String datasetId;

  @Option(names = "--bigquery-endpoint", paramLabel = "URL", description = "BigQuery: the REST API root of an emulator, e.g. http://127.0.0.1:9050. Default: Google's.")
  String restEndpoint;

  @Option(names = "--bigquery-storage-endpoint", paramLabel = "HOST:PORT", description = "BigQuery: the Storage Write API (gRPC) of an emulator, e.g. 127.0.0.1:9060. Default: Google's.")
  String storageEndpoint;

  @Option(names = "--max-write-streams", defaultValue = "200", paramLabel = "N", description = "BigQuery: at most N write streams (tasks) per table: CreateWriteStream has a quota. Default: ${DEFAULT-VALUE}.")
  int maxWriteStreams;

  /** Flags of this sink that were given, for the check that another sink was not chosen. */
  String firstGiven() {
    return projectId != null ? "--project-id" : datasetId != null ? "--dataset-id"
        : restEndpoint != null ? "--bigquery-endpoint"
        : storageEndpoint != null ? "--bigquery-storage-endpoint" : null;
  }

  /** The sink's options, or a one-line error naming the flag; asks no server. */
  BigQuerySink.Options options(WriteMode mode, GoogleCredentials credentials, Map<String, String> labels) {
    if (projectId == null) {
      throw new Main.BadInput("--project-id: missing; --sink bigquery needs --project-id and --dataset-id");
    }
    if (!projectId.matches("[A-Za-z0-9][A-Za-z0-9.:_-]*")) {
      throw new Main.BadInput("--project-id '" + projectId + "': not a project id (letters, digits, '-', and a domain prefix 'example.com:')");
    }
    if (datasetId == null) {
      throw new Main.BadInput("--dataset-id: missing; --sink bigquery needs --project-id and --dataset-id");
    }
    if (!datasetId.matches("[A-Za-z0-9_]{1,1000}")) {
      throw new Main.BadInput("--dataset-id '" + datasetId + "': use letters, digits and _");
    }
    if (maxWriteStreams < 1) {
      throw new Main.BadInput("--max-write-streams " + maxWriteStreams + ": must be at least 1");
    }
    if ((restEndpoint == null) != (storageEndpoint == null)) {
      throw new Main.BadInput(restEndpoint == null
          ? "--bigquery-endpoint: missing; an emulator needs both --bigquery-endpoint and --bigquery-storage-endpoint"
          : "--bigquery-storage-endpoint: missing; an emulator needs both --bigquery-endpoint and --bigquery-storage-endpoint");
    }
    if (restEndpoint != null) {
      URI uri;
      try {
        uri = URI.create(restEndpoint);
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new Main.BadInput("--bigquery-endpoint " + restEndpoint + ": expected http(s)://HOST:PORT");
      }
      if (!storageEndpoint.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
        throw new Main.BadInput("--bigquery-storage-endpoint " + storageEndpoint + ": expected HOST:PORT");
      }
    }
    Optional<GoogleCredentials.Source> found;
    try {
      found = credentials.find();
    } catch (IllegalArgumentException e) {
      throw new Main.BadInput("--sink bigquery: " + e.getMessage());
    }
    if (found.isEmpty() && restEndpoint == null) {
      throw new Main.BadInput("--sink bigquery: " + GoogleCredentials.missing());
    }
    BigQueryConnection connection = new BigQueryConnection(projectId, restEndpoint, storageEndpoint,
        found.isEmpty());
    return new BigQuerySink.Options(connection, datasetId, mode, maxWriteStreams, labels);
  }
}
