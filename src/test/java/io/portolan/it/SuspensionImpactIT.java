package io.portolan.it;

import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preview of a suspension, on the real stack: globex's team "support" holds approvals for a
 * model of the vendor to suspend, for a model of another vendor with the same capability (its
 * alternative), and for a model whose capability nothing else offers (no alternative).
 */
class SuspensionImpactIT {
  private static final String TEAM = "support";
  private static final String CAPABILITY = unique("cap");
  private static final String LONE_CAPABILITY = unique("cap");
  private static final String VENDOR = unique("vendor");
  private static final String OTHER_VENDOR = unique("vendor");
  private static final String LONE_VENDOR = unique("vendor");
  private static final String MODEL = unique("model");
  private static final String ALTERNATIVE = unique("model");
  private static final String LONE_MODEL = unique("model");
  private static final int DECISIONS_ON_MODEL = 3;
  private static String approvalId;

  @BeforeAll
  static void inventoryAndApprovals() {
    for (String id : List.of(VENDOR, OTHER_VENDOR, LONE_VENDOR)) {
      assertEquals(201, post("/api/v1/vendors", user("erin"), vendor(id, "NZ")).status());
    }
    create(MODEL, VENDOR, CAPABILITY);
    create(ALTERNATIVE, OTHER_VENDOR, CAPABILITY);
    create(LONE_MODEL, LONE_VENDOR, LONE_CAPABILITY);
    approvalId = Approvals.grant("globex", TEAM, MODEL, "internal").get("approvalId").asText();
    Approvals.grant("globex", TEAM, ALTERNATIVE, "internal");
    Approvals.grant("globex", TEAM, LONE_MODEL, "internal");
    for (int i = 0; i < DECISIONS_ON_MODEL; i++) {
      assertTrue(decide("globex", decision(TEAM, MODEL)).get("allow").asBoolean());
    }
    assertTrue(decide("globex", decision(TEAM, ALTERNATIVE)).get("allow").asBoolean());
  }

  private static void create(String id, String vendor, String capability) {
    Map<String, Object> body =
        Fixtures.with(model(id, vendor, "approved"), "capabilities", List.of(capability));
    var reply = post("/api/v1/models", user("erin"), body);
    assertEquals(201, reply.status(), reply.raw().body());
  }

  @Test
  void aVendorsPreviewNamesTheApprovalsTeamsAlternativesAndTheDecisionsThatWouldFlip() {
    var reply = get("/api/v1/vendors/" + VENDOR + "/suspension-impact", user("erin"));
    assertEquals(200, reply.status(), reply.raw().body());
    JsonNode preview = reply.body();
    assertEquals(List.of(MODEL), texts(preview.get("models")));
    assertFalse(preview.get("alreadySuspended").asBoolean());
    assertEquals(1, preview.get("approvals").size(), preview.toString());
    JsonNode approval = preview.get("approvals").get(0);
    assertEquals(approvalId, approval.get("id").asText());
    assertEquals(TEAM, approval.get("team").asText());
    assertEquals(ALTERNATIVE, approval.get("alternative").asText());
    JsonNode team = preview.get("teams").get(0);
    assertEquals(TEAM, team.get("team").asText());
    assertEquals(ALTERNATIVE, team.get("best").asText());
    assertEquals(OTHER_VENDOR, team.get("bestAlternative").get("vendor").asText());
    JsonNode decisions = preview.get("decisions");
    assertFlipsOnlyTheModel(decisions, "vendor_suspended");
    assertEquals(0, decisions.get("denyToAllow").asInt());
    assertEquals(
        decisions.get("allowToDeny").asInt(),
        decisions.get("evaluated").asInt(),
        "only the decisions about the vendor's models are replayed (the alternative's is not)");

    // A preview changes nothing.
    assertTrue(decide("globex", decision(TEAM, MODEL)).get("allow").asBoolean());
    assertFalse(get("/api/v1/vendors/" + VENDOR, user("erin")).body().get("suspended").asBoolean());
  }

  @Test
  void aModelsPreviewFlipsItsDecisionsAndOffersTheSameAlternative() {
    var reply = get("/api/v1/models/" + MODEL + "/suspension-impact", user("erin"));
    assertEquals(200, reply.status(), reply.raw().body());
    JsonNode preview = reply.body();
    assertEquals(MODEL, preview.get("model").asText());
    assertEquals(approvalId, preview.get("approvals").get(0).get("id").asText());
    assertEquals(ALTERNATIVE, preview.get("teams").get(0).get("best").asText());
    assertFlipsOnlyTheModel(preview.get("decisions"), "model_suspended");
  }

  @Test
  void aTeamWithNothingElseForTheCapabilityIsLeftWithNone() {
    JsonNode preview =
        get("/api/v1/vendors/" + LONE_VENDOR + "/suspension-impact", user("erin")).body();
    JsonNode team = preview.get("teams").get(0);
    assertEquals(TEAM, team.get("team").asText(), preview.toString());
    assertEquals("none", team.get("best").asText());
    assertTrue(team.get("bestAlternative").isNull());
    assertEquals("none", preview.get("approvals").get(0).get("alternative").asText());
    assertEquals(
        0, preview.get("decisions").get("allowToDeny").asInt(), "nothing was asked of that model");
  }

  @Test
  void otherTenantsCallersAndBadIdsGetNoPreview() {
    assertEquals(
        404, get("/api/v1/vendors/" + VENDOR + "/suspension-impact", user("alice")).status());
    assertEquals(
        404, get("/api/v1/models/" + MODEL + "/suspension-impact", user("alice")).status());
    assertEquals(
        404,
        get("/api/v1/models/" + unique("nowhere") + "/suspension-impact", user("erin")).status());
    var bad = get("/api/v1/vendors/Not%20A%20Slug/suspension-impact", user("erin"));
    assertEquals(400, bad.status());
    assertEquals("id", bad.body().get("errors").get(0).get("field").asText());
    assertEquals(403, get("/api/v1/vendors/openai/suspension-impact", user("bob")).status());
  }

  /**
   * The model's allowed decisions, and only those, would be denied; the other test may have added
   * one.
   */
  private static void assertFlipsOnlyTheModel(JsonNode decisions, String reason) {
    int flipped = decisions.get("allowToDeny").asInt();
    assertTrue(
        flipped == DECISIONS_ON_MODEL || flipped == DECISIONS_ON_MODEL + 1, decisions.toString());
    for (JsonNode sample : decisions.get("allowToDenySamples")) {
      assertEquals(MODEL, sample.get("request").get("model").asText());
      assertEquals(reason, sample.get("reasons").get(0).asText());
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new java.util.ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
