package io.mdmgen.sinks.bigquery;

import io.mdmgen.sinks.PartWriter;
import java.io.IOException;

/** Takes rows as Storage Write API messages ({@link ProtoRow}), one after the other. */
public interface ProtoRowWriter extends PartWriter {
  /** The next row to fill, empty. */
  ProtoRow row();

  /** The row from {@link #row()} is complete. */
  void endRow() throws IOException;
}
