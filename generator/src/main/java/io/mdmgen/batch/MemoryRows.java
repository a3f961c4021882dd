package io.mdmgen.batch;

import io.mdmgen.sinks.GeneratedRows;
import io.mdmgen.sinks.OrcPartFile;
import io.mdmgen.sinks.PartWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Generated rows computed into ORC batches in memory before they are written: writing them
 * measures the ORC writer alone (the benchmark's write floor). The batches live in this JVM, so
 * this works with a local master only.
 */
record MemoryRows(GeneratedRows rows, String key) implements GeneratedRows, AutoCloseable {
  private static final Map<String, List<VectorizedRowBatch>> BATCHES = new ConcurrentHashMap<>();

  /** Computes every partition of {@code rows} into memory, in tasks. */
  static MemoryRows of(SparkSession spark, GeneratedRows rows) {
    MemoryRows memory = new MemoryRows(rows, UUID.randomUUID().toString());
    rows.eachPartition(spark, memory::compute);
    return memory;
  }

  private void compute(int partition) throws IOException {
    OrcPartFile part = OrcPartFile.inMemory(rows.schema());
    rows.write(partition, part);
    part.close();
    BATCHES.put(key + "/" + partition, part.kept());
  }

  @Override
  public StructType schema() {
    return rows.schema();
  }

  @Override
  public int partitions() {
    return rows.partitions();
  }

  @Override
  public void write(int partition, PartWriter out) throws IOException {
    if (!(out instanceof OrcPartFile orc)) {
      throw new IllegalArgumentException("rows in memory are for ORC writers only");
    }
    for (VectorizedRowBatch b : BATCHES.get(key + "/" + partition)) {
      orc.add(b);
    }
  }

  @Override
  public void close() {
    BATCHES.keySet().removeIf(k -> k.startsWith(key + "/"));
  }
}
