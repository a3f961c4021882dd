package io.mdmgen.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparkMastersTest {
  @ParameterizedTest
  @ValueSource(strings = {"local", "local[*]", "local[4]", "local[4,2]", "local-cluster[2,1,1024]",
      "yarn", "k8s://https://10.0.0.1:6443"})
  void takesWhatSparkTakesWithoutConnecting(String master) {
    assertDoesNotThrow(() -> SparkMasters.check(master));
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo://bar", "local[x]", "spark://", "spark://host", "spark://host:99999", "mesos"})
  void refusesWhatIsNoMasterUrlNamingTheFlag(String master) {
    Main.BadInput e = assertThrows(Main.BadInput.class, () -> SparkMasters.check(master));
    assertTrue(e.getMessage().startsWith("--master " + master + ": "), e.getMessage());
  }

  @Test
  void aStandaloneMasterThatIsNotListeningIsNamedAtOnce() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();
    Main.BadInput e = assertThrows(Main.BadInput.class,
        () -> SparkMasters.check("spark://127.0.0.1:" + port));
    assertTrue(e.getMessage().contains("no Spark master answered at 127.0.0.1:" + port), e.getMessage());
    assertTrue((System.nanoTime() - start) / 1e9 < SparkMasters.CONNECT_TIMEOUT_MILLIS / 1000.0, "refused at once");
  }

  @Test
  void oneListeningMasterOfSeveralIsEnough() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertDoesNotThrow(() -> SparkMasters.check("spark://127.0.0.1:1,127.0.0.1:" + s.getLocalPort()));
    }
  }
}
