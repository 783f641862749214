package io.portolan.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The running test stack (bin/stack.sh up test) and the golden file seed-golden.sh loaded into
 * tenant initech.
 */
final class Stack {
  static final String PORTOLAN_URL =
      setting("portolan.url", "PORTOLAN_URL", "http://127.0.0.1:28080");
  static final String KEYCLOAK_URL =
      setting("keycloak.url", "KEYCLOAK_URL", "http://127.0.0.1:28180");
  static final String TOKEN_URL = KEYCLOAK_URL + "/realms/portolan/protocol/openid-connect/token";
  static final Path GOLDEN =
      Path.of(System.getProperty("repo.dir", "../.."))
          .resolve("src/test/resources/decisions/sovereignty.json");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Stack() {}

  static PortolanClient.Builder initechGateway() {
    return PortolanClient.builder()
        .portolanUrl(PORTOLAN_URL)
        .tokenUrl(TOKEN_URL)
        .clientId("initech-gateway")
        .clientSecret("initech-gateway-secret")
        .timeout(Duration.ofSeconds(5));
  }

  static JsonNode golden() throws IOException {
    return Json.MAPPER.readTree(GOLDEN.toFile());
  }

  /**
   * A user's token through the password grant of the test client portolan-cli (password = user
   * name).
   */
  static String userToken(String user) throws Exception {
    String form =
        "grant_type=password&client_id=portolan-cli&username=" + user + "&password=" + user;
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(response.body()).get("access_token").asText();
  }

  /**
   * One call to Portolan's API as a user of tenant initech; the body (a JSON value, or null) is
   * sent as JSON.
   */
  static HttpResponse<String> api(String method, String path, String user, Object body)
      throws Exception {
    HttpRequest.BodyPublisher content =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(PORTOLAN_URL + path))
            .header("Authorization", "Bearer " + userToken(user))
            .header("Content-Type", "application/json")
            .method(method, content)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Every usage record of tenant initech, as ian (tenant-admin) reads it from the audit export. */
  static List<JsonNode> usageRecords(String model) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(PORTOLAN_URL + "/api/v1/audit/usage?format=ndjson&model=" + model))
                .header("Authorization", "Bearer " + userToken("ian"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "audit usage answered " + response.statusCode() + ": " + response.body());
    }
    List<JsonNode> records = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      if (!line.isBlank()) {
        records.add(Json.MAPPER.readTree(line));
      }
    }
    return records;
  }

  private static String setting(String property, String environment, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environment);
    }
    return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
  }
}
