package io.mdmgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.sinks.WriteMode;
import io.mdmgen.sinks.bigquery.BigQuerySink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The BigQuery sink options each combination of flags and credentials gives, or its one-line error. */
class BigQueryFlagsTest {
  @TempDir Path home;

  private GoogleCredentials credentials(Map<String, String> env, boolean googleVm) throws IOException {
    Path product = home.resolve("product_name");
    Files.writeString(product, googleVm ? "Google Compute Engine\n" : "Standard PC (Q35)\n");
    return new GoogleCredentials(env, home, product, host -> false);
  }

  private static BigQueryFlags flags(String... args) {
    BigQueryFlags f = new BigQueryFlags();
    new CommandLine(f).parseArgs(args);
    return f;
  }

  @Test
  void anEmulatorWithoutCredentialsIsSpokenToAnonymously() throws IOException {
    BigQuerySink.Options o = flags("--project-id", "p", "--dataset-id", "d", "--bigquery-endpoint",
        "http://127.0.0.1:9050", "--bigquery-storage-endpoint", "127.0.0.1:9060")
        .options(WriteMode.append, credentials(Map.of(), false), Map.of());
    assertEquals("p", o.connection().project());
    assertEquals("http://127.0.0.1:9050", o.connection().restEndpoint());
    assertEquals("127.0.0.1:9060", o.connection().storageEndpoint());
    assertTrue(o.connection().anonymous());
    assertEquals("d", o.dataset());
    assertEquals(WriteMode.append, o.mode());
    assertEquals(200, o.maxWriteStreams());
  }

  @Test
  void googleWithAKeyFileUsesApplicationDefaultCredentials() throws IOException {
    Path key = Files.writeString(home.resolve("key.json"), "{}");
    BigQuerySink.Options o = flags("--project-id", "acme", "--dataset-id", "mdm", "--max-write-streams", "50")
        .options(WriteMode.overwrite, credentials(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString()), false), Map.of());
    assertFalse(o.connection().anonymous());
    assertNull(o.connection().restEndpoint());
    assertNull(o.connection().storageEndpoint());
    assertEquals(50, o.maxWriteStreams());
  }

  @Test
  void gcloudsFileOrAGoogleVmAreCredentialsToo() throws IOException {
    Path config = home.resolve("gcloud");
    Files.createDirectories(config);
    Files.writeString(config.resolve("application_default_credentials.json"), "{}");
    assertEquals(Optional.of(GoogleCredentials.Source.GCLOUD),
        credentials(Map.of("CLOUDSDK_CONFIG", config.toString()), false).find());
    assertEquals(Optional.of(GoogleCredentials.Source.GOOGLE_CLOUD_VM), credentials(Map.of(), true).find());
    assertEquals(Optional.of(GoogleCredentials.Source.GOOGLE_CLOUD_VM),
        new GoogleCredentials(Map.of(), home, home.resolve("absent"), "metadata.google.internal"::equals).find());
    assertEquals(Optional.empty(), credentials(Map.of(), false).find());
  }

  @Test
  void noCredentialsAndNoEndpointNamesWhatWasLookedFor() throws IOException {
    Main.BadInput e = assertThrows(Main.BadInput.class, () -> flags("--project-id", "p", "--dataset-id", "d")
        .options(WriteMode.overwrite, credentials(Map.of(), false), Map.of()));
    assertTrue(e.getMessage().startsWith("--sink bigquery: no Google credentials: GOOGLE_APPLICATION_CREDENTIALS"), e.getMessage());
    assertTrue(e.getMessage().contains("application_default_credentials.json"), e.getMessage());
  }

  @Test
  void anUnreadableKeyFileIsRefusedWithoutItsPath() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("GOOGLE_APPLICATION_CREDENTIALS", "/secret/place/key.json");
    Main.BadInput e = assertThrows(Main.BadInput.class, () -> flags("--project-id", "p", "--dataset-id", "d")
        .options(WriteMode.overwrite, credentials(env, true), Map.of()));
    assertFalse(e.getMessage().contains("/secret/place"), e.getMessage());
    assertTrue(e.getMessage().contains("GOOGLE_APPLICATION_CREDENTIALS"), e.getMessage());
  }

  @Test
  void eachBadFlagIsNamed() throws IOException {
    GoogleCredentials none = credentials(Map.of(), false);
    String[][] cases = {
        {"--dataset-id", "d"},
        {"--project-id", "p"},
        {"--project-id", "bad project", "--dataset-id", "d"},
        {"--project-id", "p", "--dataset-id", "my-dataset"},
        {"--project-id", "p", "--dataset-id", "d", "--max-write-streams", "0"},
        {"--project-id", "p", "--dataset-id", "d", "--bigquery-endpoint", "http://127.0.0.1:9050"},
        {"--project-id", "p", "--dataset-id", "d", "--bigquery-storage-endpoint", "127.0.0.1:9060"},
        {"--project-id", "p", "--dataset-id", "d", "--bigquery-endpoint", "ftp://x", "--bigquery-storage-endpoint", "h:1"},
        {"--project-id", "p", "--dataset-id", "d", "--bigquery-endpoint", "http://h:1", "--bigquery-storage-endpoint", "h"},
    };
    String[] named = {"--project-id", "--dataset-id", "--project-id", "--dataset-id", "--max-write-streams",
        "--bigquery-storage-endpoint", "--bigquery-endpoint", "--bigquery-endpoint", "--bigquery-storage-endpoint"};
    for (int i = 0; i < cases.length; i++) {
      BigQueryFlags f = flags(cases[i]);
      Main.BadInput e = assertThrows(Main.BadInput.class, () -> f.options(WriteMode.overwrite, none, Map.of()),
          String.join(" ", cases[i]));
      assertTrue(e.getMessage().startsWith(named[i]), String.join(" ", cases[i]) + " -> " + e.getMessage());
    }
  }
}
