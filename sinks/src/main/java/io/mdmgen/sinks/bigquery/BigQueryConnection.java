package io.mdmgen.sinks.bigquery;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.GoogleCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the driver and every task reach BigQuery: the project, and for an emulator its REST and
 * gRPC endpoints. Holds no secret: with {@code anonymous} false each JVM finds Google's
 * application-default credentials itself (a key file named by GOOGLE_APPLICATION_CREDENTIALS,
 * gcloud's file, or a Google Cloud VM's service account), so none travels with the tasks.
 *
 * @param restEndpoint BigQuery's REST API root (e.g. {@code http://127.0.0.1:9050}); null: Google's
 * @param storageEndpoint the Storage Write API as HOST:PORT; null: Google's
 * @param anonymous no credentials (an emulator); its gRPC endpoint is then spoken to in plain text
 */
public record BigQueryConnection(String project, String restEndpoint, String storageEndpoint,
    boolean anonymous) implements Serializable {

  /** Write clients of this JVM, one per connection: tasks of a run share its gRPC channel. */
  private static final Map<BigQueryConnection, BigQueryWriteClient> WRITE_CLIENTS = new ConcurrentHashMap<>();

  /** A REST client: datasets, tables, copy jobs. */
  public BigQuery rest() {
    BigQueryOptions.Builder b = BigQueryOptions.newBuilder().setProjectId(project);
    if (restEndpoint != null) {
      b.setHost(restEndpoint);
    }
    if (anonymous) {
      b.setCredentials(NoCredentials.getInstance());
    }
    return b.build().getService();
  }

  /** This JVM's Storage Write API client for this connection. */
  public BigQueryWriteClient write() {
    return WRITE_CLIENTS.computeIfAbsent(this, BigQueryConnection::newWriteClient);
  }

  private BigQueryWriteClient newWriteClient() {
    try {
      BigQueryWriteSettings.Builder b = BigQueryWriteSettings.newBuilder();
      if (storageEndpoint != null) {
        InstantiatingGrpcChannelProvider.Builder channel = InstantiatingGrpcChannelProvider.newBuilder()
            .setEndpoint(storageEndpoint);
        if (anonymous) {
          channel.setChannelConfigurator(ManagedChannelBuilder::usePlaintext);
        }
        b.setEndpoint(storageEndpoint).setTransportChannelProvider(channel.build());
      }
      b.setCredentialsProvider(credentials());
      return BigQueryWriteClient.create(b.build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a BigQuery Storage Write API client", e);
    }
  }

  CredentialsProvider credentials() {
    return anonymous ? NoCredentialsProvider.create()
        : GoogleCredentialsProvider.newBuilder()
            .setScopesToApply(List.of("https://www.googleapis.com/auth/bigquery")).build();
  }

  /** Closes this JVM's write clients (the driver, at the end of a run). */
  public static void closeAll() {
    WRITE_CLIENTS.values().forEach(BigQueryWriteClient::close);
    WRITE_CLIENTS.clear();
  }
}
