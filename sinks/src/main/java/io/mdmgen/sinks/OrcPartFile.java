package io.mdmgen.sinks;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DateColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcConf;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One ORC file, written by one task with ORC's own vectorized writer: a producer fills the next
 * free row ({@code size}) of {@link #batch()} column by column and calls {@link #endRow()}; full
 * batches go to the file. Columns are ORC's types for the Spark schema (strings, ints, dates,
 * decimals up to 18 digits as scaled longs, booleans), as Spark's own ORC writer declares them.
 */
public final class OrcPartFile implements PartWriter, Closeable {
  static final String TEMPORARY = "_temporary";

  private final TypeDescription type;
  private final Writer writer; // null: full batches are kept in memory instead
  private final List<VectorizedRowBatch> kept = new ArrayList<>();
  private VectorizedRowBatch batch;
  private long rows;

  private OrcPartFile(TypeDescription type, Writer writer) {
    this.type = type;
    this.writer = writer;
    this.batch = newBatch();
  }

  /** Batches that are kept in memory instead of written: rows computed ahead of a write. */
  public static OrcPartFile inMemory(StructType schema) {
    return new OrcPartFile(typeOf(schema), null);
  }

  /** Whether full batches are kept in memory rather than written: see {@link #inMemory}. */
  public boolean keepsBatches() {
    return writer == null;
  }

  /** The full batches of an {@link #inMemory} part, after {@link #close()}. */
  public List<VectorizedRowBatch> kept() {
    return kept;
  }

  private VectorizedRowBatch newBatch() {
    VectorizedRowBatch b = type.createRowBatchV2();
    for (ColumnVector c : b.cols) {
      if (c instanceof DateColumnVector d) {
        d.setUsingProlepticCalendar(true); // dates as Spark writes them
      }
    }
    return b;
  }

  /**
   * Writes partition {@code partition} of {@code rows} as {@code dir/<name>}: first under
   * {@code dir/_temporary}, which readers skip, then renamed into place, so a failed task leaves
   * no partial file in the table. Returns the number of rows written.
   */
  static long write(GeneratedRows rows, int partition, String dir, String job,
      Map<String, String> settings) throws IOException {
    Configuration conf = new Configuration(false);
    settings.forEach(conf::set);
    String name = String.format(Locale.ROOT, "part-%05d-%s-c000.%s.orc", partition, job,
        OrcConf.COMPRESS.getString(conf).toLowerCase(Locale.ROOT));
    Path temporary = new Path(new Path(dir, TEMPORARY), name);
    Path target = new Path(dir, name);
    TypeDescription type = typeOf(rows.schema());
    OrcPartFile out = new OrcPartFile(type, OrcFile.createWriter(temporary,
        OrcFile.writerOptions(conf).setSchema(type).setProlepticGregorian(true).overwrite(true)));
    try {
      rows.write(partition, out);
    } finally {
      out.close();
    }
    FileSystem fs = target.getFileSystem(conf);
    fs.delete(target, false); // a retried task writes the same rows again
    if (!fs.rename(temporary, target)) {
      throw new IOException("cannot move " + temporary + " to " + target);
    }
    return out.rows;
  }

  /** The batch being filled; a new one after {@link #endRow()} in an {@link #inMemory} part. */
  public VectorizedRowBatch batch() {
    return batch;
  }

  /** Ends the current row; writes the batch when it is full. */
  public void endRow() throws IOException {
    if (++batch.size == batch.getMaxSize()) {
      flush();
    }
  }

  /** Writes rows that were computed before, as they are. */
  public void add(VectorizedRowBatch computed) throws IOException {
    flush();
    writer.addRowBatch(computed);
    rows += computed.size;
  }

  private void flush() throws IOException {
    if (batch.size == 0) {
      return;
    }
    rows += batch.size;
    if (writer == null) {
      kept.add(batch);
      batch = newBatch();
    } else {
      writer.addRowBatch(batch);
      batch.reset();
    }
  }

  @Override
  public void close() throws IOException {
    flush();
    if (writer != null) {
      writer.close();
    }
  }

  /** The ORC type of rows of {@code schema}. */
  public static TypeDescription typeOf(StructType schema) {
    TypeDescription struct = TypeDescription.createStruct();
    for (StructField f : schema.fields()) {
      struct.addField(f.name(), typeOf(f.name(), f.dataType()));
    }
    return struct;
  }

  private static TypeDescription typeOf(String name, DataType t) {
    if (t instanceof StringType) {
      return TypeDescription.createString();
    } else if (t instanceof IntegerType) {
      return TypeDescription.createInt();
    } else if (t instanceof LongType) {
      return TypeDescription.createLong();
    } else if (t instanceof DateType) {
      return TypeDescription.createDate();
    } else if (t instanceof BooleanType) {
      return TypeDescription.createBoolean();
    } else if (t instanceof DecimalType d && d.precision() <= 18) {
      return TypeDescription.createDecimal().withPrecision(d.precision()).withScale(d.scale());
    }
    throw new IllegalArgumentException("column " + name + ": no ORC writer for " + t.sql());
  }
}
