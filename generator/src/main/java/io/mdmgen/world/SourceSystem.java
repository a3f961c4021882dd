package io.mdmgen.world;

import io.mdmgen.avro.Schemas;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The systems that hold copies of master customers, one definition each: everything that makes
 * a system itself lives here, and {@link Table}, the stream's topics and {@link Scenario}'s
 * defaults derive from it, so another system is one more constant (and its schema). The order is
 * the order in which records are counted.
 */
public enum SourceSystem {
  CRM("crm", "CRM-", "raw_crm_customers", "crm.customers", Schemas.CRM_CUSTOMER,
      // Sales reps type what they hear: typos, sound-alike spellings, empty fields.
      new SourceRates(0.80, new double[] {0.85, 0.15}, 0.30, 0.20,
          Corruption.of(0.12, 0.01, 0.05, 0.02, 0.02, 0.02, 0.03, 0.02, 0.04, 0.15, 0.15, 5), 0.35,
          new double[] {0.30, 0.20, 0.10, 0.10, 0.05, 0.05, 0.20},
          new double[] {0.50, 0.25, 0.10, 0.05, 0.10}, 120),
      CrmColumns::new),
  ERP("erp", "ERP-", "raw_erp_customers", "erp.customers", Schemas.ERP_CUSTOMER,
      // Keyed from scanned forms into short fields: OCR confusions, truncation.
      new SourceRates(0.70, new double[] {1.0}, 0.30, 0.20,
          Corruption.of(0.06, 0.05, 0.01, 0.01, 0.06, 0.03, 0.03, 0.02, 0.03, 0.15, 0.15, 5), 0.50,
          new double[] {0.05, 0.25, 0.05, 0.05, 0.50, 0.05, 0.05},
          new double[] {0.10, 0.20, 0.05, 0.60, 0.05}, 3600),
      ErpColumns::new),
  ECOMMERCE("ecommerce", "ECM-", "raw_ecommerce_customers", "ecommerce.customers",
      Schemas.ECOMMERCE_CUSTOMER,
      // Customers type their own details, on phones: typos, swapped names, wrong digits.
      new SourceRates(0.60, new double[] {0.70, 0.25, 0.05}, 0.30, 0.20,
          Corruption.of(0.10, 0.00, 0.01, 0.03, 0.01, 0.03, 0.04, 0.03, 0.05, 0.15, 0.15, 5), 0.20,
          new double[] {0.10, 0.30, 0.10, 0.25, 0.05, 0.10, 0.10},
          new double[] {0.20, 0.30, 0.10, 0.10, 0.30}, 5),
      EcommerceColumns::new);

  private final String code;
  private final String idPrefix;
  private final String table;
  private final String topic;
  private final Schemas schema;
  private final SourceRates defaults;
  private final SourceColumns.Factory columns;
  private final byte[] codeUtf8;
  private final byte[] idPrefixUtf8;

  SourceSystem(String code, String idPrefix, String table, String topic, Schemas schema,
      SourceRates defaults, SourceColumns.Factory columns) {
    this.code = code;
    this.idPrefix = idPrefix;
    this.table = table;
    this.topic = topic;
    this.schema = schema;
    this.defaults = defaults;
    this.columns = columns;
    this.codeUtf8 = code.getBytes(StandardCharsets.US_ASCII);
    this.idPrefixUtf8 = idPrefix.getBytes(StandardCharsets.US_ASCII);
  }

  /** The value of {@code source_system}, and the key in scenario files. */
  public String code() {
    return code;
  }

  byte[] codeUtf8() {
    return codeUtf8;
  }

  /** What every {@code source_record_id} of this system starts with. */
  public String idPrefix() {
    return idPrefix;
  }

  byte[] idPrefixUtf8() {
    return idPrefixUtf8;
  }

  /** The batch table name, before any suffix. */
  public String table() {
    return table;
  }

  /** The stream topic name, after the topic prefix. */
  public String topic() {
    return topic;
  }

  /** The published schema of this system's records. */
  public Schemas schema() {
    return schema;
  }

  /** The rates of the default scenario. */
  public SourceRates defaults() {
    return defaults;
  }

  /** The writer of what only this system writes, for the world of {@code seed} and {@code asOfDay}. */
  SourceColumns columns(long seed, int asOfDay, Dictionaries dictionaries) {
    return columns.create(seed, asOfDay, dictionaries);
  }

  /** The system with this code; throws, naming the allowed codes, for anything else. */
  public static SourceSystem of(String code) {
    for (SourceSystem s : values()) {
      if (s.code.equals(code.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown source system '" + code + "' (allowed: "
        + Arrays.stream(values()).map(SourceSystem::code).collect(Collectors.joining(", ")) + ")");
  }
}
