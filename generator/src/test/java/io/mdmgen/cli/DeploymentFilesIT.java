package io.mdmgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How users run mdmgen for real: docker-compose.kafka.yml and k8s/ are valid for the tools that
 * read them (Debian's docker-compose needs no Docker engine for `config`; yamllint), and
 * scripts/submit-dataproc prints the gcloud command it runs. The tools are required in CI (which
 * installs them); elsewhere a missing one skips its test.
 */
class DeploymentFilesIT {
  record Run(int exit, String stdout, String stderr) {}

  @Test
  void composeFileIsValidWithHealthChecksAndLoopbackPorts() throws Exception {
    requireTool("docker-compose");
    Run r = run("docker-compose", "-f", "docker-compose.kafka.yml", "config");
    assertEquals(0, r.exit(), r.stderr());
    for (String service : List.of("kafka:", "schema-registry:", "kafka-ui:", "mdmgen:")) {
      assertTrue(r.stdout().contains("\n  " + service + "\n"), "service " + service + " in " + r.stdout());
    }
    assertEquals(4, r.stdout().split("\n    healthcheck:", -1).length - 1, "a health check per service");
    List<String> published = r.stdout().lines().map(String::trim)
        .filter(l -> l.matches("- (\\S+:)?\\d+:\\d+(/tcp)?")).toList();
    assertEquals(3, published.size(), "published ports: " + published);
    published.forEach(p -> assertTrue(p.startsWith("- 127.0.0.1:"), p + " is not bound to loopback"));
    assertTrue(r.stdout().contains("dockerfile: k8s/Dockerfile"), "mdmgen is built from k8s/Dockerfile");
  }

  @Test
  void kubernetesManifestsAndComposeFileAreLintClean() throws Exception {
    requireTool("yamllint");
    Run r = run("yamllint", "--strict", "k8s/", "docker-compose.kafka.yml");
    assertEquals(0, r.exit(), r.stdout() + r.stderr());
    for (String f : List.of("spark-stream.yaml", "spark-backfill.yaml")) {
      String text = Files.readString(Cli.ROOT.resolve("k8s").resolve(f));
      assertTrue(text.contains("apiVersion: sparkoperator.k8s.io/v1beta2") && text.contains("kind: SparkApplication")
          && text.contains("mainClass: io.mdmgen.cli.Main"), f);
    }
  }

  @Test
  void submitDataprocDryRunPrintsTheGcloudCommand() throws Exception {
    Run r = run("scripts/submit-dataproc", "--dry-run", "--project-id", "acme-mdm", "--region", "europe-west1",
        "--jar", "gs://acme/mdmgen.jar", "--dataset-id", "mdm", "--total-records", "1e9",
        "--partitions", "5000", "--max-executors", "300", "--subnet", "mdm-subnet",
        "--service-account", "gen@acme-mdm.iam.gserviceaccount.com", "--batch-id", "mdmgen-1b",
        "--table-suffix", "_scale", "--", "--seed", "7");
    assertEquals(0, r.exit(), r.stderr());
    assertEquals("gcloud dataproc batches submit spark --project=acme-mdm --region=europe-west1"
        + " --batch=mdmgen-1b --version=3.0 --class=io.mdmgen.cli.Main --jars=gs://acme/mdmgen.jar"
        + " --properties=spark.dynamicAllocation.maxExecutors=300 --subnet=mdm-subnet"
        + " --service-account=gen@acme-mdm.iam.gserviceaccount.com --async --"
        + " --mode=batch --sink=bigquery --project-id=acme-mdm --dataset-id=mdm --total-records=1e9"
        + " --partitions=5000 --table-suffix=_scale --seed 7\n", r.stdout());
  }

  @Test
  void submitDataprocRejectsBadInputInOneLine() throws Exception {
    String[][] cases = {
        {"--dry-run", "--jar", "gs://a/b.jar", "--total-records", "1e6"},
        {"--dry-run", "--project-id", "p", "--total-records", "1e6"},
        {"--dry-run", "--project-id", "p", "--jar", "/local/mdmgen.jar", "--total-records", "1e6"},
        {"--dry-run", "--project-id", "p", "--jar", "gs://a/b.jar", "--total-records", "1e6", "--write-mode", "upsert"},
        {"--dry-run", "--bogus"},
    };
    String[] named = {"--project-id", "--jar", "--jar", "--write-mode", "--bogus"};
    for (int i = 0; i < cases.length; i++) {
      List<String> cmd = new ArrayList<>(List.of("scripts/submit-dataproc"));
      cmd.addAll(List.of(cases[i]));
      Run r = run(cmd.toArray(String[]::new));
      assertEquals(2, r.exit(), String.join(" ", cases[i]));
      assertEquals("", r.stdout(), "nothing submitted or printed as a command");
      assertEquals(1, r.stderr().lines().count(), r.stderr());
      assertTrue(r.stderr().contains(named[i]), r.stderr());
    }
  }

  private static void requireTool(String tool) throws Exception {
    boolean present = run("sh", "-c", "command -v " + tool).exit() == 0;
    if (System.getenv("CI") != null) {
      assertTrue(present, tool + " is not installed (.ci/run installs it)");
    }
    assumeTrue(present, tool + " is not installed (apt-get install " + tool + ")");
  }

  private static Run run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(Cli.ROOT.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }
}
