package io.portolan.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls Portolan's API with a bearer token: refreshes the token once on a 401, retries idempotent
 * calls on network errors, timeouts and 5xx with exponential backoff and jitter, and turns a 4xx
 * problem+json answer into a {@link PortolanProblemException}. Each call carries the trace context
 * headers it is given (the caller's, see {@link TraceContext}).
 */
final class Transport {
  static final long BACKOFF_BASE_MILLIS = 100;

  private final HttpClient http;
  private final URI portolanUrl;
  private final TokenSource tokens;
  private final Duration timeout;
  private final int retries;

  Transport(HttpClient http, URI portolanUrl, TokenSource tokens, Duration timeout, int retries) {
    this.http = http;
    this.portolanUrl = portolanUrl;
    this.tokens = tokens;
    this.timeout = timeout;
    this.retries = retries;
  }

  /**
   * Sends the request and answers the response body (null when empty). {@code idempotent} calls are
   * tried up to 1 + retries times; the others once. {@code traceHeaders} (traceparent, tracestate)
   * go with every try.
   */
  JsonNode call(
      String method,
      String pathAndQuery,
      Object body,
      String idempotencyKey,
      boolean idempotent,
      Map<String, String> traceHeaders) {
    int allowedRetries = idempotent ? retries : 0;
    boolean tokenRefreshed = false;
    int attempt = 0;
    while (true) {
      String failure;
      try {
        String token = tokens.token();
        HttpResponse<String> response =
            http.send(
                request(method, pathAndQuery, body, idempotencyKey, token, traceHeaders),
                HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 401 && !tokenRefreshed) {
          // The token may have been revoked or the signing key rotated: one more try with a new
          // one.
          tokens.reject(token);
          tokenRefreshed = true;
          continue;
        }
        if (status < 300) {
          return response.body().isBlank() ? null : Json.MAPPER.readTree(response.body());
        }
        if (status < 500 && isProblem(response)) {
          throw problem(response);
        }
        // 5xx, or a 4xx that is not Portolan's (it answers every error as problem+json): the app
        // server while Portolan is being deployed, or a proxy in between.
        failure = "Portolan answered " + status + " to " + method + " " + pathAndQuery;
      } catch (TokenSource.Unreachable e) {
        failure = e.getMessage();
      } catch (HttpTimeoutException e) {
        failure = "no answer from Portolan within " + timeout.toMillis() + " ms";
      } catch (ConnectException e) {
        failure = "cannot connect to " + portolanUrl + " (" + e.getClass().getSimpleName() + ")";
      } catch (IOException e) {
        failure = "cannot reach Portolan: " + e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PortolanUnavailableException("interrupted while calling Portolan");
      }
      if (attempt >= allowedRetries) {
        throw new PortolanUnavailableException(failure + " (" + (attempt + 1) + " attempts)");
      }
      sleep(backoffMillis(attempt));
      attempt++;
    }
  }

  /**
   * 100 ms, 200 ms, 400 ms… each between half and one and a half times that, so clients do not
   * retry in step.
   */
  static long backoffMillis(int attempt) {
    long base = BACKOFF_BASE_MILLIS << Math.min(attempt, 6);
    return base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
  }

  private HttpRequest request(
      String method,
      String pathAndQuery,
      Object body,
      String idempotencyKey,
      String token,
      Map<String, String> traceHeaders)
      throws JsonProcessingException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(portolanUrl.resolve(pathAndQuery))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json, application/problem+json");
    traceHeaders.forEach(builder::header);
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
        .build();
  }

  private static boolean isProblem(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Content-Type")
        .orElse("")
        .startsWith("application/problem+json");
  }

  private static PortolanProblemException problem(HttpResponse<String> response) {
    int status = response.statusCode();
    JsonNode doc;
    try {
      doc = Json.MAPPER.readTree(response.body().isBlank() ? "{}" : response.body());
    } catch (IOException notJson) {
      doc = Json.MAPPER.createObjectNode();
    }
    List<PortolanProblemException.FieldError> errors = List.of();
    if (doc.path("errors").isArray()) {
      errors =
          Json.MAPPER.convertValue(
              doc.get("errors"),
              Json.MAPPER
                  .getTypeFactory()
                  .constructCollectionType(List.class, PortolanProblemException.FieldError.class));
    }
    String detail =
        doc.hasNonNull("detail") ? doc.get("detail").asText() : abbreviate(response.body());
    return new PortolanProblemException(
        status,
        doc.path("type").asText("about:blank"),
        doc.path("title").asText("HTTP " + status),
        detail,
        errors);
  }

  private static String abbreviate(String text) {
    return text == null || text.isBlank()
        ? null
        : text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PortolanUnavailableException("interrupted while waiting to retry");
    }
  }
}
