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

  /**
   * acme's settings keep restricted data on self-hosted open weights and confidential data in the
   * EU, and research's approval of gpt-4o stops at confidential: gpt-4o is research's chat cover
   * for public to confidential work, not for restricted work, and not for confidential work from
   * us.
   */
  @Test
  void coverageIsPerClassificationAndRegionUnderThePublishedSettings() {
    JsonNode chat = researchChat("");
    assertTrue(models(chat).contains("gpt-4o"), chat.toString());
    assertTrue(models(byClassification(chat, "public")).contains("gpt-4o"));
    assertTrue(models(byClassification(chat, "confidential")).contains("gpt-4o"));
    List<String> restricted = models(byClassification(chat, "restricted"));
    assertTrue(
        !restricted.contains("gpt-4o") && restricted.contains("llama-3.3-70b"),
        restricted.toString());

    assertTrue(
        models(byClassification(researchChat("?region=eu"), "confidential")).contains("gpt-4o"));
    assertTrue(
        !models(byClassification(researchChat("?region=us"), "confidential")).contains("gpt-4o"),
        "acme keeps confidential data out of us");
    assertEquals(400, get("/api/v1/portability?region=Not%20A%20Region", user("alice")).status());
  }

  private static JsonNode researchChat(String query) {
    var reply = get("/api/v1/portability" + query, user("alice"));
    assertEquals(200, reply.status(), reply.raw().body());
    return find(
        find(reply.body().get("teams"), "team", "research").get("capabilities"),
        "capability",
        "chat");
  }

  private static JsonNode byClassification(JsonNode capability, String classification) {
    return find(capability.get("byClassification"), "classification", classification);
  }

  private static List<String> models(JsonNode cover) {
    List<String> models = new ArrayList<>();
    cover.get("models").forEach(m -> models.add(m.get("model").asText()));
    return models;
  }

  @Test
  void cuttingOffAVendorShowsWhoLosesWhat() {
    var reply = get("/api/v1/portability/what-if?vendor=deepseek", user("erin"));
    assertEquals(200, reply.status(), reply.raw().body());
    List<String> losses = new ArrayList<>();
    reply
        .body()
        .get("teamsLosingCapabilities")
        .forEach(l -> losses.add(l.get("team").asText() + "/" + l.get("capability").asText()));
    assertTrue(losses.contains("support/code"), losses.toString());
    assertTrue(!losses.contains("support/chat"), "mistral-small-3 remains for chat: " + losses);
    var byJurisdiction = get("/api/v1/portability/what-if?jurisdiction=CN", user("erin")).body();
    assertEquals(
        reply.body().get("teamsLosingCapabilities"), byJurisdiction.get("teamsLosingCapabilities"));
  }

  /**
   * Who runs the weights, apart from whose they are: globex's DeepSeek V3 runs only on DeepSeek's
   * API in China (one foreign operator), acme's also on acme's own EU cluster.
   */
  @Test
  void operatorsCountApartFromVendorsAndTheWhatIfTakesAnOperatorOrItsJurisdiction() {
    JsonNode support =
        find(get("/api/v1/portability", user("erin")).body().get("teams"), "team", "support");
    JsonNode code = find(support.get("capabilities"), "capability", "code");
    assertEquals(1, code.get("operators").asInt(), code.toString());
    assertTrue(code.get("risks").toString().contains("single_operator"), code.toString());
    List<String> byOperator =
        losses(get("/api/v1/portability/what-if?operator=deepseek", user("erin")).body());
    assertTrue(byOperator.contains("support/code"), byOperator.toString());
    List<String> byOperatorJurisdiction =
        losses(get("/api/v1/portability/what-if?operatorJurisdiction=CN", user("erin")).body());
    assertTrue(byOperatorJurisdiction.contains("support/code"), byOperatorJurisdiction.toString());

    List<String> acme =
        losses(get("/api/v1/portability/what-if?operator=deepseek", user("alice")).body());
    assertTrue(
        acme.stream().noneMatch(l -> l.startsWith("research/")),
        "research's DeepSeek V3 also runs on acme's own cluster: " + acme);
    assertEquals(
        400,
        get("/api/v1/portability/what-if?operator=deepseek&vendor=deepseek", user("alice"))
            .status());
    assertEquals(
        400, get("/api/v1/portability/what-if?operatorJurisdiction=cn", user("alice")).status());
  }

  private static List<String> losses(JsonNode answer) {
    List<String> losses = new ArrayList<>();
    answer
        .get("teamsLosingCapabilities")
        .forEach(l -> losses.add(l.get("team").asText() + "/" + l.get("capability").asText()));
    return losses;
  }

  @Test
  void whatIfNeedsExactlyOneCutOffAndOnlyOfficersAdminsAndAuditorsAsk() {
    assertEquals(400, get("/api/v1/portability/what-if", user("alice")).status());
    assertEquals(
        400,
        get("/api/v1/portability/what-if?vendor=openai&jurisdiction=US", user("alice")).status());
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
