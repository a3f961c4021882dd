package io.mdmgen.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Which Google credentials a BigQuery run would use, found the way Google's client libraries
 * look for application-default credentials, but without asking a metadata server over the
 * network: a key file named by GOOGLE_APPLICATION_CREDENTIALS, gcloud's application-default
 * file, or a Google Cloud VM (Dataproc, GKE, Compute Engine) whose service account the
 * libraries then ask for: one whose maker is Google, or whose DNS knows Google's metadata server.
 * Never tells a key file's path or contents.
 */
final class GoogleCredentials {
  static final String ENV = "GOOGLE_APPLICATION_CREDENTIALS";
  static final String GCLOUD_FILE = "application_default_credentials.json";

  /** What was found. */
  enum Source { KEY_FILE, GCLOUD, GOOGLE_CLOUD_VM }

  private static final String METADATA_HOST = "metadata.google.internal";

  private final Map<String, String> env;
  private final Path home;
  private final Path productName;
  private final Predicate<String> resolves;

  /**
   * @param productName the file in which Linux names the machine's maker
   *     ({@code /sys/class/dmi/id/product_name}: "Google Compute Engine" on Google's VMs)
   */
  GoogleCredentials(Map<String, String> env, Path home, Path productName, Predicate<String> resolves) {
    this.env = env;
    this.home = home;
    this.productName = productName;
    this.resolves = resolves;
  }

  static GoogleCredentials ofThisMachine() {
    return new GoogleCredentials(System.getenv(), Path.of(System.getProperty("user.home")),
        Path.of("/sys/class/dmi/id/product_name"), GoogleCredentials::resolvesWithin2s);
  }

  /** A DNS lookup only (nothing is sent to the address), given up after 2 s. */
  private static boolean resolvesWithin2s(String host) {
    CompletableFuture<Boolean> lookup = CompletableFuture.supplyAsync(() -> {
      try {
        InetAddress.getByName(host);
        return true;
      } catch (UnknownHostException e) {
        return false;
      }
    });
    try {
      return lookup.get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
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
    if (env.containsKey("GCE_METADATA_HOST") || madeByGoogle() || resolves.test(METADATA_HOST)) {
      return Optional.of(Source.GOOGLE_CLOUD_VM);
    }
    return Optional.empty();
  }

  private Path gcloudFile() {
    String config = env.get("CLOUDSDK_CONFIG");
    return (config != null ? Path.of(config) : home.resolve(".config/gcloud")).resolve(GCLOUD_FILE);
  }

  private boolean madeByGoogle() {
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
