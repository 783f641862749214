package io.portolan.it;

import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.team;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Fixtures.with;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.put;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suspending one deployment, previewed on the real stack (initech): restricted data must run on a
 * self-hosted deployment, and a model runs both on the tenant's own cluster and on its vendor's
 * API. Losing the cluster stops the team's restricted use; losing the vendor's API stops nothing.
 */
class DeploymentSuspensionImpactIT {
  private static final String OFFICER = "ivan";
  private static final String ADMIN = "ian";
  private static final String TEAM = unique("team");
  private static final String VENDOR = unique("vendor");
  private static final String MODEL = unique("model");
  private static final String OWN_CLUSTER = unique("dep");
  private static final String VENDOR_API = unique("dep");
  private static JsonNode settingsBefore;

  @BeforeAll
  static void aModelOnTwoDeploymentsAndARuleThatNeedsOne() {
    settingsBefore = get("/api/v1/policy/settings", user(OFFICER)).body();
    ObjectNode settings = settingsBefore.deepCopy();
    ObjectNode deployments =
        settings.has("deployments") && settings.get("deployments").isObject()
            ? (ObjectNode) settings.get("deployments")
            : settings.putObject("deployments");
    deployments.putArray("selfHostedOnly").add("restricted");
    publish(settings);

    assertEquals(201, post("/api/v1/teams", user(ADMIN), team(TEAM)).status());
    assertEquals(201, post("/api/v1/vendors", user(OFFICER), vendor(VENDOR, "FR")).status());
    assertEquals(
        201,
        post(
                "/api/v1/models",
                user(OFFICER),
                with(model(MODEL, VENDOR, "approved"), "hostingRegions", List.of("eu")))
            .status());
    deploy(OWN_CLUSTER, "self-hosted");
    deploy(VENDOR_API, VENDOR);
    Approvals.grant(
        "initech",
        Map.of(
            "team",
            TEAM,
            "model",
            MODEL,
            "purpose",
            "chat",
            "maxDataClassification",
            "restricted",
            "regions",
            List.of("eu"),
            "justification",
            "deployment preview test"));
    assertTrue(
        decide("initech", restricted()).get("allow").asBoolean(),
        "allowed on the team's own cluster");
  }

  @AfterAll
  static void settingsAsTheyWere() {
    publish(settingsBefore);
  }

  @Test
  void losingTheOnlySelfHostedDeploymentStopsTheRestrictedUseAndFlipsItsDecision() {
    var reply = get("/api/v1/deployments/" + OWN_CLUSTER + "/suspension-impact", user(OFFICER));
    assertEquals(200, reply.status(), reply.raw().body());
    JsonNode preview = reply.body();
    assertEquals(OWN_CLUSTER, preview.get("deployment").asText());
    assertEquals(List.of(MODEL), List.of(preview.get("models").get(0).asText()));
    assertEquals(1, preview.get("approvals").size(), preview.toString());
    assertEquals(TEAM, preview.get("teams").get(0).get("team").asText());
    assertTrue(
        preview.get("decisions").get("allowToDeny").asInt() >= 1,
        preview.get("decisions").toString());
    assertTrue(
        decide("initech", restricted()).get("allow").asBoolean(), "a preview changes nothing");
  }

  @Test
  void losingTheVendorsApiStopsNothingTheClusterStillServes() {
    JsonNode preview =
        get("/api/v1/deployments/" + VENDOR_API + "/suspension-impact", user(OFFICER)).body();
    assertEquals(0, preview.get("approvals").size(), preview.toString());
    assertEquals(0, preview.get("teams").size());
    assertEquals(0, preview.get("decisions").get("allowToDeny").asInt());
  }

  @Test
  void unknownForeignAndUnauthorisedAsksGetNoPreview() {
    assertEquals(
        404,
        get("/api/v1/deployments/" + unique("nowhere") + "/suspension-impact", user(OFFICER))
            .status());
    assertEquals(
        404,
        get("/api/v1/deployments/" + OWN_CLUSTER + "/suspension-impact", user("erin")).status());
    assertEquals(
        403,
        get("/api/v1/deployments/" + OWN_CLUSTER + "/suspension-impact", user("frank")).status());
    assertEquals(
        400, get("/api/v1/deployments/Not%20A%20Slug/suspension-impact", user(OFFICER)).status());
  }

  private static Map<String, Object> restricted() {
    return with(
        with(Fixtures.decision(TEAM, MODEL), "dataClassification", "restricted"), "region", "eu");
  }

  private static void deploy(String id, String operator) {
    Map<String, Object> body = with(DeploymentIT.deployment(id, MODEL), "operator", operator);
    var reply = post("/api/v1/deployments", user(OFFICER), body);
    assertEquals(201, reply.status(), reply.raw().body());
  }

  private static void publish(JsonNode settings) {
    var drafted = put("/api/v1/policy/settings", user(OFFICER), settings);
    assertEquals(200, drafted.status(), drafted.raw().body());
    var published = post("/api/v1/policy/revisions", user(OFFICER), null);
    assertEquals(201, published.status(), published.raw().body());
  }
}
