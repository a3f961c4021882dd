package io.mdmgen.world;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three systems that hold copies of master customers, in the order records are counted. */
public enum SourceSystem {
  CRM("crm", "CRM-", "raw_crm_customers"),
  ERP("erp", "ERP-", "raw_erp_customers"),
  ECOMMERCE("ecommerce", "ECM-", "raw_ecommerce_customers");

  private final String code;
  private final String idPrefix;
  private final String table;
  private final byte[] codeUtf8;

  SourceSystem(String code, String idPrefix, String table) {
    this.code = code;
    this.idPrefix = idPrefix;
    this.table = table;
    this.codeUtf8 = code.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** The value of {@code source_system}, and the key in scenario files. */
  public String code() {
    return code;
  }

  byte[] codeUtf8() {
    return codeUtf8;
  }

  String idPrefix() {
    return idPrefix;
  }

  /** The batch table name, before any suffix. */
  public String table() {
    return table;
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
