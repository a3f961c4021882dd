package io.mdmgen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which Google credentials a BigQuery run would use, found the way Google's client libraries
 * look for application-default credentials, but without asking a metadata server over the
 * network: a key file named by GOOGLE_APPLICATION_CREDENTIALS, gcloud's application-default
 * file, or a Google Cloud VM (Dataproc, GKE, Compute Engine) whose service account the
 * libraries then ask for. Never tells a key file's path or contents.
 */
final class GoogleCredentials {
  static final String ENV = "GOOGLE_APPLICATION_CREDENTIALS";
  static final String GCLOUD_FILE = "application_default_credentials.json";

  /** What was found. */
  enum Source { KEY_FILE, GCLOUD, GOOGLE_CLOUD_VM }

  private final Map<String, String> env;
  private final Path home;
  private final Path productName;

  /**
   * @param productName the file in which Linux names the machine's maker
   *     ({@code /sys/class/dmi/id/product_name}: "Google Compute Engine" on Google's VMs)
   */
  GoogleCredentials(Map<String, String> env, Path home, Path productName) {
    this.env = env;
    this.home = home;
    this.productName = productName;
  }

  static GoogleCredentials ofThisMachine() {
    return new GoogleCredentials(System.getenv(), Path.of(System.getProperty("user.home")),
        Path.of("/sys/class/dmi/id/product_name"));
  }

  /**
   * The credentials found; empty if none. Throws {@link IllegalArgumentException} (a message
   * without the path) when GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read.
   */
  Optional<Source> find() {
    String keyFile = env.get(ENV);
    if (keyFile != null && !keyFile.isBlank()) {
      if (!Files.isReadable(Path.of(keyFile))) {
        throw new IllegalArgumentException(ENV + " is set but names no readable file");
      }
      return Optional.of(Source.KEY_FILE);
    }
    if (Files.isReadable(gcloudFile())) {
      return Optional.of(Source.GCLOUD);
    }
    if (env.containsKey("GCE_METADATA_HOST") || onGoogleCloudVm()) {
      return Optional.of(Source.GOOGLE_CLOUD_VM);
    }
    return Optional.empty();
  }

  private Path gcloudFile() {
    String config = env.get("CLOUDSDK_CONFIG");
    return (config != null ? Path.of(config) : home.resolve(".config/gcloud")).resolve(GCLOUD_FILE);
  }

  private boolean onGoogleCloudVm() {
    try {
      return Files.isReadable(productName)
          && Files.readString(productName).toLowerCase(Locale.ROOT).contains("google");
    } catch (IOException e) {
      return false;
    }
  }

  /** One line saying what was looked for and how to provide it. */
  static String missing() {
    return "no Google credentials: " + ENV + " is not set, gcloud's ~/.config/gcloud/" + GCLOUD_FILE
        + " does not exist and this is not a Google Cloud VM; run 'gcloud auth application-default"
        + " login', or set " + ENV + " to a service account's key file (or give"
        + " --bigquery-endpoint and --bigquery-storage-endpoint for an emulator)";
  }
}
