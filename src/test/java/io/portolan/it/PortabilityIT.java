package io.portolan.it;

import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Portability and what-if on the demo data: globex support depends on DeepSeek alone for code. */
class PortabilityIT {
  @Test
  void theMatrixShowsEachTeamsCapabilitiesAndTheirSuppliers() {
    var reply = get("/api/v1/portability", user("erin"));
    assertEquals(200, reply.status(), reply.raw().body());
    JsonNode support = find(reply.body().get("teams"), "team", "support");
    JsonNode chat = find(support.get("capabilities"), "capability", "chat");
    assertTrue(chat.get("vendors").asInt() >= 2, chat.toString());
    JsonNode code = find(support.get("capabilities"), "capability", "code");
    assertEquals(1, code.get("vendors").asInt(), code.toString());
    assertEquals("CN", code.get("models").get(0).get("jurisdiction").asText());
  }

  @Test
  void cuttingOffAVendorShowsWhoLosesWhat() {
    var reply = get("/api/v1/portability/what-if?vendor=deepseek", user("erin"));
    assertEquals(200, reply.status(), reply.raw().body());
    List<String> losses = new ArrayList<>();
    reply.body().get("teamsLosingCapabilities").forEach(l -> losses.add(l.get("team").asText() + "/" + l.get("capability").asText()));
    assertTrue(losses.contains("support/code"), losses.toString());
    assertTrue(!losses.contains("support/chat"), "mistral-small-3 remains for chat: " + losses);
    var byJurisdiction = get("/api/v1/portability/what-if?jurisdiction=CN", user("erin")).body();
    assertEquals(reply.body().get("teamsLosingCapabilities"), byJurisdiction.get("teamsLosingCapabilities"));
  }

  @Test
  void whatIfNeedsExactlyOneCutOffAndOnlyOfficersAdminsAndAuditorsAsk() {
    assertEquals(400, get("/api/v1/portability/what-if", user("alice")).status());
    assertEquals(400, get("/api/v1/portability/what-if?vendor=openai&jurisdiction=US", user("alice")).status());
    assertEquals(400, get("/api/v1/portability/what-if?jurisdiction=usa", user("alice")).status());
    assertEquals(403, get("/api/v1/portability", user("bob")).status());
    assertEquals(403, get("/api/v1/portability", Stack.gateway("acme")).status());
    assertEquals(200, get("/api/v1/portability", user("carol")).status());
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (item.get(field).asText().equals(value)) return item;
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }
}
