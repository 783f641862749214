package io.portolan.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The running test stack: HTTP calls with Keycloak tokens, and direct database connections. */
final class Stack {
  static final String BASE = System.getProperty("it.base-url", "http://127.0.0.1:28080");
  static final String KEYCLOAK = System.getProperty("it.keycloak-url", "http://localhost:28180");
  static final String JDBC =
      System.getProperty("it.jdbc-url", "jdbc:postgresql://127.0.0.1:25432/portolan");
  static final Path REPO = Path.of(System.getProperty("it.repo-dir", "."));
  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * Tokens by user or client, each fetched anew well before it expires: a slow suite outlives the
   * realm's 300 s.
   */
  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

  private record Token(String value, long refreshAtNanos) {
    boolean fresh() {
      return System.nanoTime() - refreshAtNanos < 0;
    }
  }

  private Stack() {}

  /** A response: status, content type and the parsed JSON body (or null). */
  record Reply(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /** A demo user's access token (password equals user name) through the portolan-cli client. */
  static String user(String name) {
    return cached(
        "user:" + name,
        () ->
            token(
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    "portolan-cli",
                    "username",
                    name,
                    "password",
                    name)));
  }

  /** A gateway's client-credentials token: acme-gateway or globex-gateway. */
  static String gateway(String tenant) {
    return client(tenant + "-gateway", tenant + "-gateway-secret");
  }

  /** Any confidential client's client-credentials token. */
  static String client(String clientId, String secret) {
    return cached(
        "client:" + clientId,
        () ->
            token(
                Map.of(
                    "grant_type",
                    "client_credentials",
                    "client_id",
                    clientId,
                    "client_secret",
                    secret)));
  }

  private static String cached(String key, java.util.function.Supplier<Token> fetch) {
    return TOKENS
        .compute(key, (k, known) -> known != null && known.fresh() ? known : fetch.get())
        .value();
  }

  private static Token token(Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(KEYCLOAK + "/realms/portolan/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "no token for " + form.get("username") + ": " + response.body());
      }
      JsonNode answer = JSON.readTree(response.body());
      long lifetime = answer.path("expires_in").asLong(60);
      // Half its lifetime: a test may hold a token a while before it sends it.
      return new Token(
          answer.get("access_token").asText(), System.nanoTime() + lifetime * 500_000_000L);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static Reply get(String path, String token) {
    return send("GET", path, token, null, "application/json");
  }

  static Reply post(String path, String token, Object body) {
    return send("POST", path, token, body, "application/json");
  }

  static Reply put(String path, String token, Object body) {
    return send("PUT", path, token, body, "application/json");
  }

  static Reply delete(String path, String token) {
    return send("DELETE", path, token, null, "application/json");
  }

  /**
   * @param body a String is sent as is; anything else as JSON
   */
  static Reply send(String method, String path, String token, Object body, String contentType) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
      if (body != null) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        publisher = HttpRequest.BodyPublishers.ofString(text);
        request.header("Content-Type", contentType);
      }
      HttpResponse<String> response =
          HTTP.send(
              request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = null;
      if (type.contains("json") && !response.body().isEmpty()) {
        json = JSON.readTree(response.body());
      }
      return new Reply(response.statusCode(), type, json, response);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /** Sends a request as built, through the stack's HTTP/1.1 client. */
  static HttpResponse<String> exchange(HttpRequest request)
      throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A superuser connection: sees every tenant's rows, for checking what was stored. */
  static Connection superuser() throws SQLException {
    return DriverManager.getConnection(JDBC, "postgres", "postgres");
  }

  /** A connection as the role the application uses. */
  static Connection appRole() throws SQLException {
    return DriverManager.getConnection(JDBC, "portolan_app", "portolan_app");
  }

  /** A fresh slug so tests never collide with demo data or each other. */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String stackCommand(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = REPO.resolve("bin/stack.sh").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("bin/stack.sh failed: " + output);
    }
    return output;
  }
}
