package io.portolan.infrastructure.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.telemetry.Tracing;
import io.portolan.infrastructure.web.JacksonConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the OPA server over its REST API (v1): loads policies and data, evaluates rules. */
@ApplicationScoped
public class OpaClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final ObjectMapper json = JacksonConfig.MAPPER;

  @jakarta.inject.Inject OpaConfig config;

  @jakarta.inject.Inject Tracing tracing;

  private HttpClient http;

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
  }

  public void putPolicy(String id, String rego) throws OpaUnavailableException {
    send(
        request("/v1/policies/" + id)
            .header("Content-Type", "text/plain")
            .PUT(HttpRequest.BodyPublishers.ofString(rego)));
  }

  public void putData(String path, JsonNode document) throws OpaUnavailableException {
    send(
        request("/v1/data/" + path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(document))));
  }

  /** The value of a data path, or null when OPA has no such document. */
  public JsonNode getData(String path) throws OpaUnavailableException {
    JsonNode answer = send(request("/v1/data/" + path).GET());
    return answer.get("result");
  }

  /** Evaluates the rule at a data path with an input; null when the rule is undefined. */
  public JsonNode evaluate(String path, JsonNode input) throws OpaUnavailableException {
    return evaluate(path, input, TIMEOUT);
  }

  /** As {@link #evaluate(String, JsonNode)}, for a large input that OPA needs longer to answer. */
  public JsonNode evaluate(String path, JsonNode input, Duration timeout)
      throws OpaUnavailableException {
    ObjectNode body = json.createObjectNode();
    body.set("input", input);
    JsonNode answer =
        send(
            request("/v1/data/" + path)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    return answer.get("result");
  }

  public boolean healthy() {
    try {
      HttpResponse<Void> response =
          http.send(request("/health").GET().build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(config.url() + path)).timeout(TIMEOUT);
  }

  private JsonNode send(HttpRequest.Builder request) throws OpaUnavailableException {
    try {
      HttpResponse<byte[]> response =
          tracing.send("opa", http, request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw new OpaUnavailableException(
            "OPA answered "
                + response.statusCode()
                + " to "
                + response.request().method()
                + " "
                + response.request().uri().getPath()
                + ": "
                + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      byte[] body = response.body();
      return body.length == 0 ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      throw new OpaUnavailableException("OPA is unreachable at " + config.url() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpaUnavailableException("interrupted while asking OPA", e);
    }
  }

  private byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
