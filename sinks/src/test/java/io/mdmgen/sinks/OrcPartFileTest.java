package io.mdmgen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.Decimal64ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrcPartFileTest {
  private static final StructType SCHEMA = new StructType()
      .add("name", DataTypes.StringType)
      .add("orders", DataTypes.IntegerType)
      .add("born", DataTypes.DateType)
      .add("spent", DataTypes.createDecimalType(12, 2))
      .add("active", DataTypes.BooleanType);
  private static final Map<String, String> SETTINGS = Map.of("orc.compress", "ZSTD");

  @TempDir
  Path dir;

  /** Row i: name "n<i>" (null for every 7th), orders i, born day -i, spent i cents, active if even. */
  private record Numbered(int rows, int failAfter) implements GeneratedRows {
    @Override
    public StructType schema() {
      return SCHEMA;
    }

    @Override
    public int partitions() {
      return 1;
    }

    @Override
    public void write(int partition, PartWriter writer) throws IOException {
      OrcPartFile out = (OrcPartFile) writer;
      for (int i = 0; i < rows; i++) {
        if (i == failAfter) {
          throw new IOException("generator failed at row " + i);
        }
        VectorizedRowBatch b = out.batch();
        int r = b.size;
        if (i % 7 == 0) {
          b.cols[0].noNulls = false;
          b.cols[0].isNull[r] = true;
        } else {
          ((BytesColumnVector) b.cols[0]).setVal(r, ("n" + i).getBytes(StandardCharsets.UTF_8));
        }
        ((LongColumnVector) b.cols[1]).vector[r] = i;
        ((LongColumnVector) b.cols[2]).vector[r] = -i;
        ((Decimal64ColumnVector) b.cols[3]).vector[r] = i;
        ((LongColumnVector) b.cols[4]).vector[r] = i % 2 == 0 ? 1 : 0;
        out.endRow();
      }
    }
  }

  @Test
  void writesEveryRowAndValueOfSeveralBatchesIntoOneFile() throws IOException {
    int n = 2 * VectorizedRowBatch.DEFAULT_SIZE + 17;
    long written = OrcPartFile.write(new Numbered(n, -1), 3, dir.toString(), "job", SETTINGS);
    assertEquals(n, written);

    File[] parts = parts();
    assertEquals(1, parts.length);
    assertEquals("part-00003-job-c000.zstd.orc", parts[0].getName());
    Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(parts[0].getPath()),
        OrcFile.readerOptions(new Configuration()));
    assertEquals("struct<name:string,orders:int,born:date,spent:decimal(12,2),active:boolean>",
        reader.getSchema().toString());
    assertEquals(n, reader.getNumberOfRows());
    VectorizedRowBatch b = reader.getSchema().createRowBatchV2();
    int i = 0;
    try (RecordReader rows = reader.rows()) {
      while (rows.nextBatch(b)) {
        for (int r = 0; r < b.size; r++, i++) {
          BytesColumnVector name = (BytesColumnVector) b.cols[0];
          if (i % 7 == 0) {
            assertTrue(!name.noNulls && name.isNull[r], "row " + i + " name is null");
          } else {
            assertEquals("n" + i, name.toString(r));
          }
          assertEquals(i, ((LongColumnVector) b.cols[1]).vector[r]);
          assertEquals(-i, ((LongColumnVector) b.cols[2]).vector[r]);
          assertEquals(i, ((Decimal64ColumnVector) b.cols[3]).vector[r]);
          assertEquals(i % 2 == 0 ? 1 : 0, ((LongColumnVector) b.cols[4]).vector[r]);
        }
      }
    }
    assertEquals(n, i);
  }

  @Test
  void aFailedTaskLeavesNoFileInTheTable() {
    IOException e = assertThrows(IOException.class,
        () -> OrcPartFile.write(new Numbered(5000, 1500), 0, dir.toString(), "job", SETTINGS));
    assertEquals("generator failed at row 1500", e.getMessage());
    assertEquals(0, parts().length);
  }

  @Test
  void aRetriedTaskReplacesItsFile() throws IOException {
    OrcPartFile.write(new Numbered(10, -1), 0, dir.toString(), "job", SETTINGS);
    OrcPartFile.write(new Numbered(20, -1), 0, dir.toString(), "job", SETTINGS);
    File[] parts = parts();
    assertEquals(1, parts.length);
    assertEquals(20, OrcFile.createReader(new org.apache.hadoop.fs.Path(parts[0].getPath()),
        OrcFile.readerOptions(new Configuration())).getNumberOfRows());
  }

  @Test
  void inMemoryPartsKeepTheirFullBatches() throws IOException {
    OrcPartFile part = OrcPartFile.inMemory(SCHEMA);
    new Numbered(VectorizedRowBatch.DEFAULT_SIZE + 5, -1).write(0, part);
    part.close();
    assertEquals(2, part.kept().size());
    assertEquals(VectorizedRowBatch.DEFAULT_SIZE, part.kept().get(0).size);
    assertEquals(5, part.kept().get(1).size);
    assertEquals("n1025", ((BytesColumnVector) part.kept().get(1).cols[0]).toString(1));
  }

  @Test
  void aColumnTypeWithoutAnOrcWriterIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OrcPartFile.typeOf(new StructType().add("tags", DataTypes.createArrayType(DataTypes.StringType))));
    assertEquals("column tags: no ORC writer for ARRAY<STRING>", e.getMessage());
  }

  /** The files a table reader would see: not hidden, not under _temporary. */
  private File[] parts() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(Path::toFile)
          .filter(f -> f.isFile() && !f.getName().startsWith(".") && !f.getName().startsWith("_"))
          .toArray(File[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
