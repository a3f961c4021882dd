package io.mdmgen.sinks.kafka;

/** A Kafka or Schema Registry problem the user can fix; the message names the flag and the cause. */
public final class SinkException extends RuntimeException {
  public SinkException(String message) {
    super(message);
  }
}
