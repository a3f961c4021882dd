package io.mdmgen.spark;

import io.mdmgen.stream.StreamJob;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.Row;

/** Starts the query event source → Spark's Kafka sink. */
public final class EventStreams {
  private EventStreams() {}

  public static StreamingQuery toKafka(SparkSession spark, StreamJob.Options o, int[] schemaIds,
      StreamControl control) throws TimeoutException {
    EventScanOptions scan = new EventScanOptions(o.spec(), o.rate(), o.rateProfile(),
        o.embedTruth(), schemaIds, o.topicPrefix(), o.partitions(), control.token());
    DataStreamWriter<Row> writer = EventSource.read(spark, scan).writeStream()
        .format("kafka")
        .queryName("mdmgen-stream")
        .option("kafka.bootstrap.servers", o.bootstrapServers())
        .option("checkpointLocation", o.checkpoint().toString())
        .trigger(Trigger.ProcessingTime(0));
    o.producer().properties().forEach((k, v) -> writer.option("kafka." + k, v));
    return writer.start();
  }
}
