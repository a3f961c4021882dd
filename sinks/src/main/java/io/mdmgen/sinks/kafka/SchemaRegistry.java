package io.mdmgen.sinks.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry REST API, as far as a producer needs it: register a value schema
 * under {@code <topic>-value} and learn its id. Works with Confluent's registry and with the
 * compatible APIs of others (Apicurio's {@code /apis/ccompat/v7}). Credentials never appear in
 * messages.
 */
public final class SchemaRegistry {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String authorization;
  private final HttpClient http;

  /**
   * @param url the registry's base URL, e.g. http://host:8081 or http://host:8080/apis/ccompat/v7
   * @param userInfo {@code user:password} for HTTP basic auth, or null
   */
  public SchemaRegistry(String url, String userInfo) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url : url + "/");
    } catch (IllegalArgumentException e) {
      throw new SinkException("--schema-registry-url " + redact(url) + ": not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new SinkException("--schema-registry-url " + redact(url) + ": not an http(s) URL");
    }
    this.base = uri;
    this.authorization = userInfo == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** The id of {@code schema} under {@code subject}, registering it as a new version if needed. */
  public int register(String subject, Schema schema) {
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("subjects/" + subject + "/versions"))
        .timeout(TIMEOUT)
        .header("Content-Type", CONTENT_TYPE)
        .header("Accept", CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SinkException("--schema-registry-url " + describe() + ": cannot reach the registry ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("--schema-registry-url " + describe() + ": interrupted");
    }
    int status = response.statusCode();
    if (status == 409 || status == 422) {
      throw new SinkException("schema registry " + describe() + " rejected the schema of " + subject
          + " (HTTP " + status + ": " + message(response.body()) + "); it is not compatible with the"
          + " versions registered there: use another --topic-prefix or change the subject's compatibility");
    }
    if (status == 401 || status == 403) {
      throw new SinkException("--schema-registry-auth: the registry " + describe() + " refused the"
          + " credentials (HTTP " + status + ")");
    }
    if (status / 100 != 2) {
      throw new SinkException("--schema-registry-url " + describe() + ": registering " + subject
          + " failed (HTTP " + status + ": " + message(response.body()) + ")");
    }
    try {
      JsonNode id = JSON.readTree(response.body()).get("id");
      if (id != null && id.canConvertToInt()) {
        return id.asInt();
      }
    } catch (IOException e) {
      // reported below
    }
    throw new SinkException("--schema-registry-url " + describe() + ": answered " + subject
        + " without a schema id; is this a Confluent-compatible API (for Apicurio: .../apis/ccompat/v7)?");
  }

  /** The registry URL without any credentials in it. */
  public String describe() {
    return redact(base.toString());
  }

  private static String message(String body) {
    try {
      JsonNode m = JSON.readTree(body).get("message");
      if (m != null) {
        return m.asText();
      }
    } catch (IOException e) {
      // not JSON: fall through
    }
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }

  /** Drops {@code user:password@} from a URL. */
  static String redact(String url) {
    return url.replaceFirst("//[^/@]*@", "//");
  }
}
