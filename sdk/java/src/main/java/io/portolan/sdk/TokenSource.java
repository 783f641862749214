package io.portolan.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A gateway token from the client-credentials grant, cached until shortly before it expires. */
final class TokenSource {
  private static final Duration MAX_REFRESH_MARGIN = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI tokenUrl;
  private final String form;
  private final Duration timeout;
  private final Clock clock;
  private String token;
  private Instant refreshAt = Instant.MIN;
  private int fetches;

  TokenSource(
      HttpClient http,
      URI tokenUrl,
      String clientId,
      String clientSecret,
      Duration timeout,
      Clock clock) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * The cached token, or a new one; {@link Unreachable} when the token endpoint cannot be reached
   * or fails.
   */
  synchronized String token() throws IOException, InterruptedException {
    if (token == null || !clock.instant().isBefore(refreshAt)) {
      fetch();
    }
    return token;
  }

  /** Portolan refused this token (401): forget it unless another thread already replaced it. */
  synchronized void reject(String refused) {
    if (refused.equals(token)) {
      token = null;
    }
  }

  /** How many tokens were fetched: tests check that one is reused. */
  synchronized int fetches() {
    return fetches;
  }

  /** For tests: pretend a token is cached. */
  synchronized void preset(String presetToken, Instant until) {
    token = presetToken;
    refreshAt = until;
  }

  private void fetch() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unreachable("cannot get a token from " + tokenUrl + ": " + e, e);
    }
    int status = response.statusCode();
    if (status >= 500) {
      throw new Unreachable("token endpoint " + tokenUrl + " answered " + status, null);
    }
    JsonNode body = readOrEmpty(response.body());
    if (status != 200 || !body.hasNonNull("access_token")) {
      // Wrong client id or secret: an OAuth error, not an outage; say so rather than fail closed
      // quietly.
      throw new PortolanProblemException(
          status,
          "about:blank",
          "Token request refused",
          body.path("error").asText("") + ": " + body.path("error_description").asText(""),
          null);
    }
    long lifetime = body.path("expires_in").asLong(60);
    Duration margin = Duration.ofSeconds(Math.min(MAX_REFRESH_MARGIN.toSeconds(), lifetime / 2));
    token = body.get("access_token").asText();
    refreshAt = clock.instant().plusSeconds(lifetime).minus(margin);
    fetches++;
  }

  /**
   * The token endpoint could not be reached or failed: an outage, retried and then failed closed
   * like Portolan's.
   */
  static final class Unreachable extends IOException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static JsonNode readOrEmpty(String text) {
    try {
      return Json.MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
    } catch (IOException notJson) {
      return Json.MAPPER.createObjectNode();
    }
  }
}
