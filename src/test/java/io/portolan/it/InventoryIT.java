package io.portolan.it;

import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.team;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Fixtures.with;
import static io.portolan.it.Stack.delete;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.put;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inventory API: CRUD, validation as problem+json, roles, and tenants kept apart. */
class InventoryIT {
  private static final String ALICE = "alice"; // acme compliance officer
  private static final String BOB = "bob"; // acme requester
  private static final String CAROL = "carol"; // acme auditor
  private static final String DAVE = "dave"; // acme tenant admin
  private static final String ERIN = "erin"; // globex compliance officer
  private static final String FRANK = "frank"; // globex requester

  @Test
  void officerCreatesReadsUpdatesAndDeletesAVendorAndItsModel() {
    String vendorId = unique("vendor");
    String modelId = unique("model");
    var created = post("/api/v1/vendors", user(ALICE), vendor(vendorId, "FR"));
    assertEquals(201, created.status(), created.raw().body());
    assertTrue(created.header("Location").endsWith("/api/v1/vendors/" + vendorId));
    assertEquals("FR", created.body().get("jurisdiction").asText());

    var model = post("/api/v1/models", user(ALICE), model(modelId, vendorId, "proposed"));
    assertEquals(201, model.status(), model.raw().body());
    assertEquals(List.of("eu", "us"), texts(model.body().get("hostingRegions")));

    var updated =
        put("/api/v1/models/" + modelId, user(DAVE), model(modelId, vendorId, "approved"));
    assertEquals(200, updated.status(), updated.raw().body());
    assertEquals(
        "approved", get("/api/v1/models/" + modelId, user(BOB)).body().get("status").asText());

    assertEquals(
        409, delete("/api/v1/vendors/" + vendorId, user(ALICE)).status(), "vendor with models");
    assertEquals(204, delete("/api/v1/models/" + modelId, user(ALICE)).status());
    assertEquals(404, get("/api/v1/models/" + modelId, user(ALICE)).status());
    assertEquals(204, delete("/api/v1/vendors/" + vendorId, user(ALICE)).status());
    assertEquals(404, get("/api/v1/vendors/" + vendorId, user(ALICE)).status());
  }

  @Test
  void duplicateIdIsAConflictAndLeavesTheFirstIntact() {
    String id = unique("vendor");
    assertEquals(201, post("/api/v1/vendors", user(ALICE), vendor(id, "US")).status());
    var again = post("/api/v1/vendors", user(ALICE), with(vendor(id, "CN"), "name", "Impostor"));
    assertEquals(409, again.status());
    assertEquals("application/problem+json", again.contentType());
    assertEquals(
        "US", get("/api/v1/vendors/" + id, user(ALICE)).body().get("jurisdiction").asText());
  }

  @Test
  void invalidFieldsAreNamedInAProblem() {
    var reply =
        post(
            "/api/v1/models",
            user(ALICE),
            with(
                with(model("Bad Id!", "openai", "approved"), "hostingRegions", List.of("EU")),
                "displayName",
                " "));
    assertEquals(400, reply.status());
    assertTrue(reply.contentType().startsWith("application/problem+json"));
    List<String> fields = new ArrayList<>();
    reply.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(List.of("displayName", "hostingRegions[0]", "id"), fields);
  }

  @Test
  void unknownVendorJurisdictionAndSuspensionWithoutReasonAreRefused() {
    assertEquals(400, post("/api/v1/vendors", user(ALICE), vendor(unique("v"), "XX")).status());
    var suspended =
        post("/api/v1/vendors", user(ALICE), with(vendor(unique("v"), "US"), "suspended", true));
    assertEquals(400, suspended.status());
    assertEquals("suspensionReason", suspended.body().get("errors").get(0).get("field").asText());
    var missingVendor =
        post("/api/v1/models", user(ALICE), model(unique("m"), "no-such-vendor", "approved"));
    assertEquals(422, missingVendor.status());
    assertEquals("vendor", missingVendor.body().get("errors").get(0).get("field").asText());
  }

  @Test
  void fieldsOutsideTheContractAreRefusedNotApplied() {
    String id = unique("vendor");
    var reply = post("/api/v1/vendors", user(ALICE), with(vendor(id, "US"), "tenantId", "globex"));
    assertEquals(400, reply.status());
    assertEquals("tenantId", reply.body().get("errors").get(0).get("field").asText());
    assertEquals(404, get("/api/v1/vendors/" + id, user(ALICE)).status());
    assertEquals(404, get("/api/v1/vendors/" + id, user(ERIN)).status());
  }

  @Test
  void idInBodyMustMatchThePath() {
    var reply = put("/api/v1/vendors/openai", user(ALICE), vendor("renamed", "US"));
    assertEquals(400, reply.status());
    assertEquals("id", reply.body().get("errors").get(0).get("field").asText());
  }

  @Test
  void listsPageAndFilter() {
    var page = get("/api/v1/models?size=2&page=0", user(BOB)).body();
    assertEquals(2, page.get("items").size());
    assertEquals(2, page.get("size").asInt());
    assertTrue(page.get("total").asInt() > 2);
    var second = get("/api/v1/models?size=2&page=1", user(BOB)).body();
    assertFalse(page.get("items").get(0).get("id").equals(second.get("items").get(0).get("id")));

    var openai = get("/api/v1/models?vendor=openai&capability=embedding", user(BOB)).body();
    assertEquals(List.of("text-embedding-3-large"), ids(openai));
    var open = get("/api/v1/models?openWeights=true&status=approved&region=uk", user(BOB)).body();
    assertEquals(List.of("llama-3.3-70b"), ids(open));
    assertEquals(
        List.of("gpt-4o", "gpt-4o-mini"), ids(get("/api/v1/models?q=GPT-4O", user(BOB)).body()));

    assertEquals(400, get("/api/v1/models?size=501", user(BOB)).status());
    assertEquals(400, get("/api/v1/models?page=-1", user(BOB)).status());
    assertEquals(400, get("/api/v1/models?page=4294968&size=500", user(BOB)).status());
    assertEquals(400, get("/api/v1/models?status=bogus", user(BOB)).status());
  }

  @Test
  void eachTenantSeesOnlyItsOwnInventory() {
    List<String> acme = ids(get("/api/v1/models?size=500", user(BOB)).body());
    List<String> globex = ids(get("/api/v1/models?size=500", user(FRANK)).body());
    assertTrue(acme.contains("claude-sonnet-4"));
    assertFalse(globex.contains("claude-sonnet-4"), "globex sees acme's model");
    // The same id exists in both tenants with different content.
    assertEquals("approved", get("/api/v1/models/gpt-4o", user(BOB)).body().get("status").asText());
    assertEquals(
        "proposed", get("/api/v1/models/gpt-4o", user(FRANK)).body().get("status").asText());

    String acmeOnly = unique("vendor");
    assertEquals(201, post("/api/v1/vendors", user(ALICE), vendor(acmeOnly, "DE")).status());
    assertEquals(404, get("/api/v1/vendors/" + acmeOnly, user(FRANK)).status());
    assertEquals(
        404, put("/api/v1/vendors/" + acmeOnly, user(ERIN), vendor(acmeOnly, "CN")).status());
    assertEquals(404, delete("/api/v1/vendors/" + acmeOnly, user(ERIN)).status());
    assertEquals(
        "DE", get("/api/v1/vendors/" + acmeOnly, user(ALICE)).body().get("jurisdiction").asText());
  }

  @Test
  void rolesDecideWhoMayWrite() {
    String id = unique("team");
    assertEquals(403, post("/api/v1/vendors", user(BOB), vendor(unique("v"), "US")).status());
    assertEquals(403, post("/api/v1/vendors", user(CAROL), vendor(unique("v"), "US")).status());
    assertEquals(
        403, post("/api/v1/teams", user(ALICE), team(id)).status(), "officers do not manage teams");
    assertEquals(201, post("/api/v1/teams", user(DAVE), team(id)).status());
    assertEquals(200, get("/api/v1/teams/" + id, user(CAROL)).status());
    assertEquals(
        403, get("/api/v1/models", Stack.gateway("acme")).status(), "gateways only decide");
    assertEquals(
        403, get("/api/v1/models", user("root")).status(), "platform admin has no tenant data");
    var forbidden = delete("/api/v1/teams/" + id, user(BOB));
    assertEquals(403, forbidden.status());
    assertTrue(forbidden.contentType().startsWith("application/problem+json"));
  }

  @Test
  void requestsWithoutAValidTokenAreUnauthorized() {
    for (String token :
        new String[] {
          null, "not-a-token", user(BOB).substring(0, user(BOB).length() - 4) + "AAAA"
        }) {
      var reply = get("/api/v1/models", token);
      assertEquals(401, reply.status());
      assertTrue(reply.contentType().startsWith("application/problem+json"));
      assertEquals("https://portolan.dev/problems/unauthorized", reply.body().get("type").asText());
    }
  }

  @Test
  void platformAdminListsTenantsAndOthersMayNot() {
    var tenants = get("/api/v1/tenants", user("root"));
    assertEquals(200, tenants.status());
    List<String> ids = new ArrayList<>();
    tenants.body().forEach(t -> ids.add(t.get("id").asText()));
    assertTrue(ids.containsAll(List.of("acme", "globex")), ids.toString());
    assertEquals(403, get("/api/v1/tenants", user(DAVE)).status());
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
