package io.portolan.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP for the tenant-isolation fuzz: requests with any header, answers kept as text (exports are
 * CSV or NDJSON), fresh tokens per caller, and patience while another engineer restarts Portolan.
 */
final class TenantIsolationHttp {
  /** Tokens live 300 s in the realm; refetch well before, as Stack's cache never does. */
  private static final long TOKEN_MAX_AGE_MILLIS = 200_000;

  /** Portolan may be restarted for ~30 s by someone else; wait this long before calling it down. */
  private static final long RESTART_PATIENCE_MILLIS = 120_000;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Map<String, Long> fetchedAt = new LinkedHashMap<>();

  /** One request: who sends it and exactly what, so a violation can be replayed by hand. */
  record Call(
      String caller,
      String method,
      String path,
      Map<String, String> headers,
      String body,
      String cleanup) {
    Call with(String header, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(header, value);
      return new Call(caller, method, path, more, body, cleanup);
    }

    /**
     * After a 201 the created object is deleted with this path, so creates leave nothing behind.
     */
    Call cleanup(String deletePath) {
      return new Call(caller, method, path, headers, body, deletePath);
    }

    /**
     * Everything the caller said, lower-cased: ids sent by the caller may come back in the answer.
     */
    String said() {
      return (path + " " + headers.values() + " " + (body == null ? "" : body))
          .toLowerCase(Locale.ROOT);
    }

    String describe() {
      return "as "
          + caller
          + ": "
          + method
          + " "
          + path
          + (headers.isEmpty() ? "" : " headers " + headers)
          + (body == null ? "" : " body " + body);
    }
  }

  /** An answer as text, with its headers. */
  record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {
    String header(String name) {
      for (var h : headers.entrySet()) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return String.join(",", h.getValue());
        }
      }
      return null;
    }

    JsonNode json() {
      if (!contentType.contains("json") || body.isEmpty()) {
        return null;
      }
      try {
        return Stack.JSON.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    /** Body and header values, lower-cased, where a leaked id or marker would show. */
    String shown() {
      return (body + " " + headers.values()).toLowerCase(Locale.ROOT);
    }

    String describe() {
      String text = body.length() > 700 ? body.substring(0, 700) + "…" : body;
      return status + " " + contentType + " " + text;
    }
  }

  static Call call(String caller, String method, String path, String body) {
    return new Call(caller, method, path, Map.of(), body, null);
  }

  Answer send(Call call) {
    long giveUp = System.currentTimeMillis() + RESTART_PATIENCE_MILLIS;
    while (true) {
      try {
        Answer answer = sendOnce(call);
        // The API never answers HTML: Payara does, while the application is being (re)deployed.
        if (!answer.contentType().startsWith("text/html")
            || ready()
            || System.currentTimeMillis() > giveUp) {
          return answer;
        }
      } catch (IOException e) {
        if (System.currentTimeMillis() > giveUp) {
          throw new IllegalStateException(call.describe() + " failed", e);
        }
      }
      pause();
    }
  }

  /**
   * The OpenAPI document as JSON, once Portolan is up (another engineer may restart it for ~30 s).
   */
  String openApi() {
    long giveUp = System.currentTimeMillis() + RESTART_PATIENCE_MILLIS;
    while (true) {
      String document = readyOpenApi();
      if (document != null) {
        return document;
      }
      if (System.currentTimeMillis() > giveUp) {
        throw new IllegalStateException("Portolan at " + Stack.BASE + " is not ready");
      }
      pause();
    }
  }

  private boolean ready() {
    return readyOpenApi() != null;
  }

  /** The OpenAPI document when Portolan is ready, else null. */
  private String readyOpenApi() {
    try {
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(Stack.BASE + "/health/ready"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> openapi =
          http.send(
              HttpRequest.newBuilder(URI.create(Stack.BASE + "/openapi"))
                  .header("Accept", "application/json")
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      boolean up =
          health.statusCode() == 200
              && openapi.statusCode() == 200
              && openapi.body().contains("\"paths\"");
      return up ? openapi.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer sendOnce(Call call) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.BASE + call.path()))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token(call.caller()));
    if (!call.headers().containsKey("Accept")) {
      request.header("Accept", "application/json");
    }
    call.headers().forEach(request::header);
    HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
    if (call.body() != null) {
      publisher = HttpRequest.BodyPublishers.ofString(call.body());
      if (!call.headers().containsKey("Content-Type")) {
        request.header("Content-Type", "application/json");
      }
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.method(call.method(), publisher).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().map());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /**
   * A user's password-grant token or a gateway's client-credentials token, refetched before it
   * expires.
   */
  synchronized String token(String caller) {
    Long at = fetchedAt.get(caller);
    if (at == null || System.currentTimeMillis() - at > TOKEN_MAX_AGE_MILLIS) {
      Map<String, String> form =
          caller.endsWith("-gateway")
              ? Map.of(
                  "grant_type",
                  "client_credentials",
                  "client_id",
                  caller,
                  "client_secret",
                  caller + "-secret")
              : Map.of(
                  "grant_type",
                  "password",
                  "client_id",
                  "portolan-cli",
                  "username",
                  caller,
                  "password",
                  caller);
      tokens.put(caller, fetchToken(form));
      fetchedAt.put(caller, System.currentTimeMillis());
    }
    return tokens.get(caller);
  }

  private String fetchToken(Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(Stack.KEYCLOAK + "/realms/portolan/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("no token: " + response.body());
      }
      return Stack.JSON.readTree(response.body()).get("access_token").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
