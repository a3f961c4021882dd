package io.mdmgen.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;

/**
 * A position in the stream: event {@code n}, which is event {@code within} of world step
 * {@code step}. Step and within follow from n alone; they are carried so that nobody has to walk
 * the stream from its start to find them again.
 */
public record EventOffset(long n, long step, int within) implements Serializable {
  public static final EventOffset START = new EventOffset(0, 0, 0);
  private static final ObjectMapper JSON = new ObjectMapper();

  public String json() {
    return "{\"n\":" + n + ",\"step\":" + step + ",\"within\":" + within + "}";
  }

  /** Reads what {@link #json()} wrote. */
  public static EventOffset parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node.hasNonNull("n") && node.hasNonNull("step") && node.hasNonNull("within")) {
        return new EventOffset(node.get("n").asLong(), node.get("step").asLong(),
            node.get("within").asInt());
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw new IllegalArgumentException("not an mdmgen stream offset: " + json);
  }
}
