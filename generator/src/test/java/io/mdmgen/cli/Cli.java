package io.mdmgen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs bin/mdmgen as a user would, in its own JVM. */
public final class Cli {
  public static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  public record Result(int exit, String stdout, List<String> stderr) {}

  private Cli() {}

  public static Result run(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("bin/mdmgen").toString());
    cmd.addAll(List.of(args));
    Files.createDirectories(workDir);
    Path out = workDir.resolve("stdout.txt");
    Path err = workDir.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("MDMGEN_JAVA_OPTS", "-Xmx3g");
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("mdmgen " + String.join(" ", args) + " did not finish in 10 minutes");
    }
    List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).toList();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr);
  }
}
