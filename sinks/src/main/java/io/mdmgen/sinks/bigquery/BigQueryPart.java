package io.mdmgen.sinks.bigquery;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.ClientStream;
import com.google.api.gax.rpc.ResponseObserver;
import com.google.api.gax.rpc.StreamController;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamResponse;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.Int64Value;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One task's rows of one table, sent to a PENDING write stream of its own: rows are invisible
 * until the driver commits the stream, so a failed or retried task (whose stream is never
 * committed) adds nothing. Rows go over one AppendRows connection in requests of up to
 * {@link #REQUEST_BYTES}, each at its offset (a resent request cannot add rows twice), with a
 * few requests in flight. Every request names the stream and carries the row schema (the API
 * asks it only of the first; bqemulator of every one), a few hundred bytes per 8 MB.
 */
public final class BigQueryPart implements ProtoRowWriter, AutoCloseable {
  /** Under the API's 10 MB per AppendRows request, with room for the request's own fields. */
  static final int REQUEST_BYTES = 8 << 20;
  private static final int IN_FLIGHT = 4;
  private static final Object COMPLETED = new Object();

  private final BigQueryWriteClient client;
  private final String stream;
  private final ProtoSchema schema;
  private final BlockingQueue<Object> responses = new LinkedBlockingQueue<>();
  private final ClientStream<AppendRowsRequest> requests;
  private final ProtoRow row = new ProtoRow();
  private ProtoRows.Builder batch = ProtoRows.newBuilder();
  private int batchBytes;
  private long batchRows;
  private long sent;
  private int inFlight;
  private boolean closed;

  private BigQueryPart(BigQueryWriteClient client, String stream, ProtoSchema schema) {
    this.client = client;
    this.stream = stream;
    this.schema = schema;
    // The routing header BigQuery wants on a write connection (unary calls get it by themselves).
    GrpcCallContext context = GrpcCallContext.createDefault().withExtraHeaders(
        Map.of("x-goog-request-params", List.of("write_stream=" + stream)));
    this.requests = client.appendRowsCallable().splitCall(new ResponseObserver<>() {
      @Override
      public void onStart(StreamController controller) {}

      @Override
      public void onResponse(AppendRowsResponse response) {
        responses.add(response);
      }

      @Override
      public void onError(Throwable t) {
        responses.add(t);
      }

      @Override
      public void onComplete() {
        responses.add(COMPLETED);
      }
    }, context);
  }

  /** A new pending stream on {@code table} ({@code projects/P/datasets/D/tables/T}). */
  public static BigQueryPart open(BigQueryConnection connection, String table, DescriptorProto row) {
    BigQueryWriteClient client = connection.write();
    WriteStream stream = client.createWriteStream(CreateWriteStreamRequest.newBuilder()
        .setParent(table)
        .setWriteStream(WriteStream.newBuilder().setType(WriteStream.Type.PENDING))
        .build());
    return new BigQueryPart(client, stream.getName(), ProtoSchema.newBuilder().setProtoDescriptor(row).build());
  }

  /** The next row to fill; {@link #endRow()} adds it to the stream. */
  @Override
  public ProtoRow row() {
    return row.clear();
  }

  @Override
  public void endRow() throws IOException {
    batch.addSerializedRows(ByteString.copyFrom(row.bytes(), 0, row.length()));
    batchRows++;
    batchBytes += row.length() + 4; // the row's own tag and length
    if (batchBytes >= REQUEST_BYTES) {
      send();
    }
  }

  private void send() throws IOException {
    if (batchRows == 0) {
      return;
    }
    requests.send(AppendRowsRequest.newBuilder()
        .setWriteStream(stream)
        .setOffset(Int64Value.of(sent))
        .setTraceId("mdmgen")
        .setProtoRows(AppendRowsRequest.ProtoData.newBuilder().setWriterSchema(schema).setRows(batch))
        .build());
    inFlight++;
    sent += batchRows;
    batch = ProtoRows.newBuilder();
    batchBytes = 0;
    batchRows = 0;
    while (inFlight > IN_FLIGHT) {
      awaitOne();
    }
  }

  /** Waits for the oldest request's answer: answers come in the order of the requests. */
  private void awaitOne() throws IOException {
    Object answer;
    try {
      answer = responses.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing to BigQuery", e);
    }
    if (answer instanceof Throwable t) {
      throw new IOException("BigQuery refused rows of " + stream + ": " + t.getMessage(), t);
    }
    if (answer == COMPLETED) {
      throw new IOException("BigQuery closed the write connection of " + stream + " with "
          + inFlight + " requests unanswered");
    }
    AppendRowsResponse r = (AppendRowsResponse) answer;
    if (r.hasError()) {
      throw new IOException("BigQuery refused rows of " + stream + ": " + r.getError().getMessage());
    }
    inFlight--;
  }

  /**
   * Sends the last rows, waits for every answer and finalizes the stream (no more appends);
   * returns the stream's name, for the commit.
   */
  public String finish() throws IOException {
    send();
    while (inFlight > 0) {
      awaitOne();
    }
    close();
    FinalizeWriteStreamResponse f = client.finalizeWriteStream(stream);
    if (f.getRowCount() != sent) {
      throw new IOException("BigQuery stream " + stream + " holds " + f.getRowCount() + " rows, "
          + sent + " were sent");
    }
    return stream;
  }

  /** Rows added so far. */
  public long rows() {
    return sent + batchRows;
  }

  /** Closes the connection; an unfinished stream is never committed, so its rows never appear. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      requests.closeSend();
    }
  }
}
