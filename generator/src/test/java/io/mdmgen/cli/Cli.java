package io.mdmgen.cli;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs bin/mdmgen as a user would, in its own JVM. */
public final class Cli {
  public static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  public record Result(int exit, String stdout, List<String> stderr) {}

  private Cli() {}

  public static Result run(Path workDir, String... args) throws IOException, InterruptedException {
    return run(workDir, Map.of(), args);
  }

  /** Runs bin/mdmgen with {@code env} changed: a null value removes the variable. */
  public static Result run(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Process p = start(workDir, env, args);
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("mdmgen " + String.join(" ", args) + " did not finish in 10 minutes");
    }
    return result(workDir, p);
  }

  /** Starts bin/mdmgen; its output goes to stdout.txt and stderr.txt in {@code workDir}. */
  public static Process start(Path workDir, String... args) throws IOException {
    return start(workDir, Map.of(), args);
  }

  /** {@link #start(Path, String...)} with {@code env} changed: a null value removes the variable. */
  public static Process start(Path workDir, Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("bin/mdmgen").toString());
    cmd.addAll(List.of(args));
    Files.createDirectories(workDir);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
        .redirectOutput(workDir.resolve("stdout.txt").toFile())
        .redirectError(workDir.resolve("stderr.txt").toFile());
    pb.environment().put("MDMGEN_JAVA_OPTS", "-Xmx3g");
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    return pb.start();
  }

  /** Whether something accepts connections on {@code port} of 127.0.0.1. */
  public static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** What a finished {@link #start}ed run printed, and its exit code. */
  public static Result result(Path workDir, Process finished) throws IOException {
    List<String> stderr = Files.readAllLines(workDir.resolve("stderr.txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank()).toList();
    return new Result(finished.exitValue(),
        Files.readString(workDir.resolve("stdout.txt"), StandardCharsets.UTF_8), stderr);
  }
}
