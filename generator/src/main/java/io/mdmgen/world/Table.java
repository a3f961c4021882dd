package io.mdmgen.world;

import io.mdmgen.avro.Schemas;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The tables of a batch run, each with its published schema: the golden customers, one per
 * {@link SourceSystem}, then the truth: which customer each record is, and which different
 * customers look alike. Source tables derive from their system's definition.
 */
public final class Table implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  public static final Table CUSTOMERS = new Table(0, "customers", Schemas.CUSTOMER, null);
  private static final SourceSystem[] SOURCES = SourceSystem.values();
  private static final Table[] ALL = new Table[SOURCES.length + 3];
  public static final Table MATCH_TRUTH;
  public static final Table HARD_NEGATIVES;

  static {
    ALL[0] = CUSTOMERS;
    for (SourceSystem s : SOURCES) {
      ALL[1 + s.ordinal()] = new Table(1 + s.ordinal(), s.table(), s.schema(), s);
    }
    MATCH_TRUTH = new Table(ALL.length - 2, "match_truth", Schemas.MATCH_TRUTH, null);
    ALL[ALL.length - 2] = MATCH_TRUTH;
    HARD_NEGATIVES = new Table(ALL.length - 1, "hard_negatives", Schemas.HARD_NEGATIVE, null);
    ALL[ALL.length - 1] = HARD_NEGATIVES;
  }

  private final int ordinal;
  private final String baseName;
  private final Schemas schema;
  private final SourceSystem source;

  private Table(int ordinal, String baseName, Schemas schema, SourceSystem source) {
    this.ordinal = ordinal;
    this.baseName = baseName;
    this.schema = schema;
    this.source = source;
  }

  /** Every table, in the order runs write and report them. */
  public static Table[] values() {
    return ALL.clone();
  }

  /** This table's position in {@link #values()}. */
  public int ordinal() {
    return ordinal;
  }

  /** The table name before any suffix. */
  public String baseName() {
    return baseName;
  }

  public Schemas schema() {
    return schema;
  }

  /** The source system whose records this table holds, or null for the golden and truth tables. */
  public SourceSystem source() {
    return source;
  }

  public static Table of(SourceSystem source) {
    return ALL[1 + source.ordinal()];
  }

  /** The table with this base name; throws, naming the allowed names, for anything else. */
  public static Table named(String name) {
    for (Table t : ALL) {
      if (t.baseName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown table '" + name + "' (allowed: "
        + Arrays.stream(ALL).map(Table::baseName).collect(Collectors.joining(", ")) + ")");
  }

  /** The one instance of this table, also after deserialization: code compares them with ==. */
  private Object readResolve() {
    return ALL[ordinal];
  }

  @Override
  public String toString() {
    return baseName;
  }
}
