package io.portolan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gateway credentials issued by a tenant admin: the secret is shown once, its tokens act for the
 * admin's tenant alone, rotation kills the old secret, revocation kills the client, and no listing,
 * audit record or log line carries a secret.
 */
class GatewayIT {
  private static final Map<String, String> DECISION =
      Map.of(
          "team",
          "research",
          "model",
          "gpt-4o",
          "purpose",
          "chat",
          "dataClassification",
          "internal",
          "region",
          "eu");

  @Test
  void anIssuedGatewayDecidesForItsTenantUntilRotatedAndRevoked() throws Exception {
    String dave = Stack.user("dave"); // acme tenant-admin
    String id = Stack.unique("gw");
    Stack.Reply issued =
        Stack.post("/api/v1/gateways", dave, Map.of("id", id, "description", "an IT gateway"));
    assertEquals(201, issued.status(), issued.raw().body());
    assertEquals("no-store", issued.header("Cache-Control"));
    String clientId = issued.body().at("/gateway/clientId").asText();
    String secret = issued.body().get("clientSecret").asText();
    assertEquals("gw.acme." + id, clientId);
    assertTrue(issued.body().get("tokenUrl").asText().endsWith("/protocol/openid-connect/token"));

    String token = clientToken(clientId, secret);
    assertNotNull(token, "the issued secret works at Keycloak");
    Stack.Reply decision = Stack.post("/api/v1/decisions", token, DECISION);
    assertEquals(200, decision.status(), decision.raw().body());
    assertTrue(
        decision.body().get("allow").asBoolean(),
        "acme's demo approval applies: the token acts for acme");

    Stack.Reply listed = Stack.get("/api/v1/gateways", dave);
    assertEquals(200, listed.status());
    assertTrue(listed.raw().body().contains(clientId));
    assertFalse(listed.raw().body().contains(secret), "a listing never carries the secret");
    assertEquals(
        200, Stack.get("/api/v1/gateways", Stack.user("carol")).status(), "auditors read the list");

    Stack.Reply rotated = Stack.post("/api/v1/gateways/" + id + "/rotate-secret", dave, null);
    assertEquals(200, rotated.status(), rotated.raw().body());
    String newSecret = rotated.body().get("clientSecret").asText();
    assertFalse(newSecret.equals(secret));
    assertEquals(null, clientToken(clientId, secret), "the old secret stops working at once");
    assertNotNull(clientToken(clientId, newSecret));

    assertEquals(204, Stack.delete("/api/v1/gateways/" + id, dave).status());
    assertEquals(null, clientToken(clientId, newSecret), "a revoked gateway gets no token");
    assertFalse(Stack.get("/api/v1/gateways", dave).raw().body().contains(clientId));
    assertEquals(404, Stack.delete("/api/v1/gateways/" + id, dave).status());

    String trail =
        Stack.get("/api/v1/audit/changes?entityType=gateway&format=ndjson", dave).raw().body();
    for (String action :
        new String[] {"gateway.created", "gateway.secret-rotated", "gateway.deleted"}) {
      assertTrue(trail.contains(action) && trail.contains(id), "the audit trail records " + action);
    }
    assertFalse(
        trail.contains(secret) || trail.contains(newSecret), "the audit trail holds no secret");
    String log = Files.readString(Stack.REPO.resolve(".data/test/portolan.log"));
    assertFalse(log.contains(secret) || log.contains(newSecret), "Portolan's log holds no secret");
  }

  @Test
  void anotherTenantsGatewaysAreNeitherListedNorTouched() {
    String id = Stack.unique("gw");
    Stack.Reply initech = Stack.post("/api/v1/gateways", Stack.user("ian"), Map.of("id", id));
    assertEquals(201, initech.status(), initech.raw().body());
    try {
      String dave = Stack.user("dave");
      assertFalse(Stack.get("/api/v1/gateways", dave).raw().body().contains(id));
      assertEquals(
          404, Stack.post("/api/v1/gateways/" + id + "/rotate-secret", dave, null).status());
      assertEquals(404, Stack.delete("/api/v1/gateways/" + id, dave).status());
      // The realm's own clients are not gateways a tenant admin can revoke.
      assertEquals(404, Stack.delete("/api/v1/gateways/portolan-ui", dave).status());
    } finally {
      assertEquals(204, Stack.delete("/api/v1/gateways/" + id, Stack.user("ian")).status());
    }
  }

  @Test
  void badAndDuplicateIdsAreRefused() {
    String dave = Stack.user("dave");
    Stack.Reply bad = Stack.post("/api/v1/gateways", dave, Map.of("id", "Not A Slug"));
    assertEquals(400, bad.status());
    assertEquals("id", bad.body().at("/errors/0/field").asText(), bad.body().toString());
    String id = Stack.unique("gw");
    assertEquals(201, Stack.post("/api/v1/gateways", dave, Map.of("id", id)).status());
    try {
      Stack.Reply again = Stack.post("/api/v1/gateways", dave, Map.of("id", id));
      assertEquals(409, again.status(), again.raw().body());
    } finally {
      Stack.delete("/api/v1/gateways/" + id, dave);
    }
  }

  /** A client-credentials token, or null when Keycloak refuses the secret. */
  private static String clientToken(String clientId, String secret)
      throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    HttpResponse<String> reply =
        Stack.exchange(
            HttpRequest.newBuilder(
                    URI.create(Stack.KEYCLOAK + "/realms/portolan/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (reply.statusCode() != 200) {
      return null;
    }
    JsonNode answer = Stack.JSON.readTree(reply.body());
    return answer.get("access_token").asText();
  }
}
