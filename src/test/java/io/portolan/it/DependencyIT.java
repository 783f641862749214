package io.portolan.it;

import static io.portolan.it.DecisionIT.decide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How much of a tenant's use rests on one vendor or jurisdiction, on the real stack: globex (whose
 * other tests report no usage), a capability of this test's own on models of two new vendors.
 */
class DependencyIT {
  private static String model(String vendor, String capability) {
    String id = Stack.unique("dep-model");
    Map<String, Object> body = new LinkedHashMap<>(Fixtures.model(id, vendor, "approved"));
    body.put("capabilities", List.of(capability));
    assertEquals(201, Stack.post("/api/v1/models", Stack.user("erin"), body).status());
    return id;
  }

  private static void use(String model, String classification, int calls, long costMicros) {
    for (int i = 0; i < calls; i++) {
      Map<String, Object> asked = new LinkedHashMap<>(Fixtures.decision("support", model));
      asked.put("dataClassification", classification);
      String decisionId = decide("globex", asked).get("decisionId").asText();
      Map<String, Object> usage =
          Map.of(
              "decisionId",
              decisionId,
              "model",
              model,
              "inputTokens",
              10,
              "outputTokens",
              10,
              "latencyMs",
              5,
              "costMicros",
              costMicros);
      assertEquals(201, Stack.post("/api/v1/usage", Stack.gateway("globex"), usage).status());
    }
  }

  private static JsonNode share(JsonNode shares, String key) {
    for (JsonNode share : shares) {
      if (share.get("key").asText().equals(key)) return share;
    }
    throw new AssertionError(key + " not in " + shares);
  }

  @Test
  void sharesPerVendorAndJurisdictionAreShownWithTheCeilingsTheyBreak() {
    String capability = Stack.unique("cap");
    String us = Stack.unique("dep-vendor");
    String fr = Stack.unique("dep-vendor");
    assertEquals(
        201, Stack.post("/api/v1/vendors", Stack.user("erin"), Fixtures.vendor(us, "US")).status());
    assertEquals(
        201, Stack.post("/api/v1/vendors", Stack.user("erin"), Fixtures.vendor(fr, "FR")).status());
    String american = model(us, capability);
    String french = model(fr, capability);
    use(american, "confidential", 3, 1_000);
    use(french, "confidential", 1, 5_000);
    use(french, "public", 2, 1_000);

    var set =
        Stack.put(
            "/api/v1/spend/ceilings",
            Stack.user("erin"),
            Map.of(
                "items",
                List.of(
                    Map.of(
                        "dimension",
                        "jurisdiction",
                        "classification",
                        "confidential",
                        "maxSharePercent",
                        60),
                    Map.of("dimension", "vendor", "maxSharePercent", 100))));
    assertEquals(200, set.status(), set.raw().body());
    try {
      JsonNode report =
          Stack.get("/api/v1/spend/dependency?classification=confidential", Stack.user("erin"))
              .body();
      JsonNode mine = null;
      for (JsonNode slice : report.get("capabilities")) {
        if (slice.get("capability").asText().equals(capability)) mine = slice;
      }
      assertTrue(mine != null, report.toString());
      assertEquals(4, mine.get("calls").asLong(), "confidential calls only");
      assertEquals(75.0, share(mine.get("byJurisdiction"), "US").get("callShare").asDouble());
      assertEquals(
          37.5,
          share(mine.get("byJurisdiction"), "US").get("costShare").asDouble(),
          "3,000 of 8,000 micros");
      assertEquals(25.0, share(mine.get("byVendor"), fr).get("callShare").asDouble());

      boolean breached = false;
      for (JsonNode breach : report.get("breaches")) {
        if (breach.get("dimension").asText().equals("jurisdiction")
            && breach.get("key").asText().equals("US")) {
          breached = true;
          assertEquals(60, breach.get("maxSharePercent").asInt());
          assertEquals("confidential", breach.get("classification").asText());
        }
      }
      // globex's only other usage is this test's: US carries 3 of its 4 confidential calls.
      assertTrue(breached, report.get("breaches").toString());
      JsonNode all = Stack.get("/api/v1/spend/dependency", Stack.user("erin")).body();
      assertTrue(all.get("overall").get("calls").asLong() >= 6, all.toString());
      assertEquals(
          2, Stack.get("/api/v1/spend/ceilings", Stack.user("erin")).body().get("items").size());
    } finally {
      assertEquals(
          200,
          Stack.put("/api/v1/spend/ceilings", Stack.user("erin"), Map.of("items", List.of()))
              .status());
    }
  }

  /** Where the decisions routed the calls, apart from whose weights they are. */
  @Test
  void sharesPerOperatorJurisdictionFollowTheRoutes() {
    String capability = Stack.unique("cap");
    String fr = Stack.unique("dep-vendor");
    assertEquals(
        201, Stack.post("/api/v1/vendors", Stack.user("erin"), Fixtures.vendor(fr, "FR")).status());
    String routed = model(fr, capability);
    String unrouted = model(fr, capability);
    Approvals.grant("globex", "support", routed, "internal");
    Map<String, Object> cloud =
        new LinkedHashMap<>(DeploymentIT.deployment(Stack.unique("dep-cloud"), routed));
    cloud.put("operator", "cloudco");
    cloud.put("operatorJurisdiction", "US");
    assertEquals(201, Stack.post("/api/v1/deployments", Stack.user("erin"), cloud).status());
    use(routed, "internal", 3, 1_000);
    use(unrouted, "internal", 1, 1_000);

    JsonNode report =
        Stack.get("/api/v1/spend/dependency?classification=internal", Stack.user("erin")).body();
    JsonNode mine = null;
    for (JsonNode slice : report.get("capabilities")) {
      if (slice.get("capability").asText().equals(capability)) mine = slice;
    }
    assertTrue(mine != null, report.toString());
    assertEquals(
        75.0,
        share(mine.get("byOperatorJurisdiction"), "US").get("callShare").asDouble(),
        mine.toString());
    assertEquals(
        25.0,
        share(mine.get("byOperatorJurisdiction"), "unknown").get("callShare").asDouble(),
        "a denied call went nowhere");
    assertEquals(
        100.0,
        share(mine.get("byJurisdiction"), "FR").get("callShare").asDouble(),
        "the weights are French");

    var set =
        Stack.put(
            "/api/v1/spend/ceilings",
            Stack.user("erin"),
            Map.of(
                "items",
                List.of(
                    Map.of(
                        "dimension",
                        "operatorJurisdiction",
                        "classification",
                        "internal",
                        "maxSharePercent",
                        50))));
    assertEquals(200, set.status(), set.raw().body());
    try {
      assertEquals(
          "operatorJurisdiction",
          Stack.get("/api/v1/spend/ceilings", Stack.user("erin"))
              .body()
              .get("items")
              .get(0)
              .get("dimension")
              .asText());
    } finally {
      assertEquals(
          200,
          Stack.put("/api/v1/spend/ceilings", Stack.user("erin"), Map.of("items", List.of()))
              .status());
    }
  }

  @Test
  void ceilingsAreCheckedAndOnlyOfficersAndAdminsSetThem() {
    assertEquals(
        400,
        Stack.put(
                "/api/v1/spend/ceilings",
                Stack.user("erin"),
                Map.of("items", List.of(Map.of("dimension", "planet", "maxSharePercent", 60))))
            .status());
    assertEquals(
        400,
        Stack.put(
                "/api/v1/spend/ceilings",
                Stack.user("erin"),
                Map.of("items", List.of(Map.of("dimension", "vendor", "maxSharePercent", 0))))
            .status());
    var twice =
        Stack.put(
            "/api/v1/spend/ceilings",
            Stack.user("erin"),
            Map.of(
                "items",
                List.of(
                    Map.of("dimension", "vendor", "maxSharePercent", 50),
                    Map.of("dimension", "vendor", "maxSharePercent", 60))));
    assertEquals(400, twice.status());
    assertEquals("items[1]", twice.body().get("errors").get(0).get("field").asText());
    assertEquals(
        403,
        Stack.put("/api/v1/spend/ceilings", Stack.user("frank"), Map.of("items", List.of()))
            .status());
    assertEquals(403, Stack.get("/api/v1/spend/dependency", Stack.user("frank")).status());
    assertEquals(
        0,
        Stack.get("/api/v1/spend/ceilings", Stack.user("alice")).body().get("items").size(),
        "acme sees none of globex's ceilings");
  }
}
