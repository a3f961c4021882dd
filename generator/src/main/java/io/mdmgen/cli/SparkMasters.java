package io.mdmgen.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --master} checked before Spark starts: Spark itself takes a minute to give up on a
 * standalone master that is not there, and answers a URL it cannot parse with a stack trace.
 */
final class SparkMasters {
  static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]");
  private static final Pattern STANDALONE = Pattern.compile("spark://(.+)");
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:]+]|[^:\\[\\]]+):(\\d{1,5})");

  private SparkMasters() {}

  /** Throws a one-line {@link Main.BadInput} unless Spark can take {@code master}. */
  static void check(String master) {
    if (LOCAL.matcher(master).matches() || master.equals("yarn") || master.startsWith("k8s://")) {
      return;
    }
    Matcher standalone = STANDALONE.matcher(master);
    if (!standalone.matches()) {
      throw new Main.BadInput("--master " + master + ": not a Spark master URL (local[N], local[*],"
          + " spark://HOST:PORT, yarn, k8s://https://HOST:PORT)");
    }
    String failure = null;
    for (String hostPort : standalone.group(1).split(",")) {
      Matcher m = HOST_PORT.matcher(hostPort);
      if (!m.matches() || Integer.parseInt(m.group(2)) > 65_535) {
        throw new Main.BadInput("--master " + master + ": '" + hostPort + "' is not HOST:PORT");
      }
      String host = m.group(1).replaceAll("^\\[|]$", "");
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, Integer.parseInt(m.group(2))), CONNECT_TIMEOUT_MILLIS);
        return; // one master answers: Spark finds the leader
      } catch (IOException e) {
        failure = hostPort + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
      }
    }
    throw new Main.BadInput("--master " + master + ": no Spark master answered at " + failure
        + " within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s");
  }
}
