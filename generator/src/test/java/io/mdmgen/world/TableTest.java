package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void tablesDeriveFromTheSourceSystemsAndSurviveSerializationAsThemselves() throws Exception {
    Table[] all = Table.values();
    assertEquals(SourceSystem.values().length + 3, all.length);
    assertSame(Table.CUSTOMERS, all[0]);
    assertSame(Table.MATCH_TRUTH, all[all.length - 2]);
    assertSame(Table.HARD_NEGATIVES, all[all.length - 1]);
    for (Table t : all) {
      assertEquals(t, all[t.ordinal()]);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(t);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        assertSame(t, in.readObject(), t + " is itself after a round trip, as Spark tasks need");
      }
    }
    for (SourceSystem s : SourceSystem.values()) {
      assertSame(s, Table.of(s).source());
      assertEquals(s.table(), Table.of(s).baseName());
      assertSame(Table.of(s), Table.named(s.table()));
    }
  }
}
