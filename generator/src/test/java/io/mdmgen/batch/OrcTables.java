package io.mdmgen.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;

/** Reads a table's ORC files with the ORC library alone: an independent check of what Spark wrote. */
public final class OrcTables {
  /** One table as read: column names, and each row's values as ORC stringifies them. */
  public record Rows(List<String> columns, List<String[]> rows) {
    public int column(String name) {
      int i = columns.indexOf(name);
      if (i < 0) {
        throw new AssertionError("no column " + name + " in " + columns);
      }
      return i;
    }
  }

  private OrcTables() {}

  public static Rows read(Path tableDir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(tableDir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".orc")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new AssertionError("no ORC files in " + tableDir);
    }
    Configuration conf = new Configuration();
    List<String> columns = null;
    List<String[]> rows = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      try (Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(f.toUri()),
          OrcFile.readerOptions(conf))) {
        columns = reader.getSchema().getFieldNames();
        VectorizedRowBatch batch = reader.getSchema().createRowBatch();
        try (RecordReader rr = reader.rows()) {
          while (rr.nextBatch(batch)) {
            for (int r = 0; r < batch.size; r++) {
              String[] row = new String[batch.cols.length];
              for (int c = 0; c < batch.cols.length; c++) {
                ColumnVector v = batch.cols[c];
                int i = v.isRepeating ? 0 : r;
                if (!v.noNulls && v.isNull[i]) {
                  row[c] = null;
                } else if (v instanceof BytesColumnVector bytes) {
                  row[c] = bytes.toString(i);
                } else {
                  sb.setLength(0);
                  v.stringifyValue(sb, i);
                  row[c] = sb.toString();
                }
              }
              rows.add(row);
            }
          }
        }
      }
    }
    return new Rows(columns, rows);
  }
}
