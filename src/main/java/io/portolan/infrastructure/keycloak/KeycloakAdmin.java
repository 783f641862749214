package io.portolan.infrastructure.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.telemetry.Tracing;
import io.portolan.infrastructure.web.JacksonConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keycloak's admin REST API, as Portolan's own service account ({@code portolan-admin}, allowed to
 * manage clients and users of the realm and nothing else). Used to issue gateway credentials.
 */
@ApplicationScoped
public class KeycloakAdmin {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject KeycloakConfig config;

  @Inject Tracing tracing;

  private HttpClient http;
  private String base;
  private String token;
  private Instant tokenExpires = Instant.EPOCH;

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    base = config.url();
  }

  /** Creates a client and returns its internal id. */
  public String createClient(ObjectNode representation) {
    HttpResponse<String> reply = send(admin("/clients").POST(json(representation)), 201, 409);
    if (reply.statusCode() == 409) {
      throw new KeycloakException(
          409, "a client named " + representation.path("clientId").asText() + " already exists");
    }
    String location =
        reply
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () -> new KeycloakException(502, "Keycloak created a client without saying where"));
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /**
   * The clients whose clientId contains {@code text} (Keycloak searches attributes only when
   * configured to).
   */
  public ArrayNode clientsMatching(String text) {
    String q = URLEncoder.encode(text, StandardCharsets.UTF_8);
    return (ArrayNode) parse(send(admin("/clients?search=true&max=1000&clientId=" + q).GET(), 200));
  }

  public Optional<JsonNode> clientByClientId(String clientIdToFind) {
    String q = URLEncoder.encode(clientIdToFind, StandardCharsets.UTF_8);
    JsonNode found = parse(send(admin("/clients?clientId=" + q).GET(), 200));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Gives a client's service account a realm role. */
  public void grantRealmRole(String clientUuid, String role) {
    JsonNode user =
        parse(send(admin("/clients/" + clientUuid + "/service-account-user").GET(), 200));
    JsonNode roleRepresentation = parse(send(admin("/roles/" + role).GET(), 200));
    ArrayNode roles = JacksonConfig.MAPPER.createArrayNode().add(roleRepresentation);
    send(
        admin("/users/" + user.get("id").asText() + "/role-mappings/realm").POST(json(roles)), 204);
  }

  public String clientSecret(String clientUuid) {
    return parse(send(admin("/clients/" + clientUuid + "/client-secret").GET(), 200))
        .get("value")
        .asText();
  }

  public String regenerateSecret(String clientUuid) {
    return parse(
            send(
                admin("/clients/" + clientUuid + "/client-secret")
                    .POST(HttpRequest.BodyPublishers.noBody()),
                200))
        .get("value")
        .asText();
  }

  public void deleteClient(String clientUuid) {
    send(admin("/clients/" + clientUuid).DELETE(), 204, 404);
  }

  private HttpRequest.Builder admin(String path) {
    return HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + config.realm() + path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token())
        .header("Content-Type", "application/json");
  }

  private synchronized String token() {
    if (Instant.now().isAfter(tokenExpires)) {
      String form =
          "grant_type=client_credentials&client_id="
              + URLEncoder.encode(config.adminClientId(), StandardCharsets.UTF_8)
              + "&client_secret="
              + URLEncoder.encode(config.adminClientSecret(), StandardCharsets.UTF_8);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create(base + "/realms/" + config.realm() + "/protocol/openid-connect/token"))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form));
      JsonNode answer = parse(send(request, 200));
      token = answer.get("access_token").asText();
      tokenExpires =
          Instant.now().plusSeconds(Math.max(5, answer.path("expires_in").asLong(60) - 30));
    }
    return token;
  }

  private HttpResponse<String> send(HttpRequest.Builder request, int... expected) {
    try {
      HttpResponse<String> reply =
          tracing.send("keycloak", http, request, HttpResponse.BodyHandlers.ofString());
      for (int status : expected) {
        if (reply.statusCode() == status) {
          return reply;
        }
      }
      // The body may echo a secret; only the status is passed on.
      throw new KeycloakException(
          502,
          "Keycloak answered "
              + reply.statusCode()
              + " to "
              + request.build().method()
              + " "
              + request.build().uri().getPath());
    } catch (IOException e) {
      throw new KeycloakException(503, "Keycloak is unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeycloakException(503, "interrupted while calling Keycloak");
    }
  }

  private static HttpRequest.BodyPublisher json(JsonNode body) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(JacksonConfig.MAPPER.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(HttpResponse<String> reply) {
    try {
      return JacksonConfig.MAPPER.readTree(reply.body());
    } catch (IOException e) {
      throw new KeycloakException(502, "Keycloak answered something that is not JSON");
    }
  }
}
