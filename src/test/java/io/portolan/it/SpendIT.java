package io.portolan.it;

import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prices, usage costed from them, and the spend reports over the daily totals. */
class SpendIT {
  private static String officer() {
    return Stack.user("alice");
  }

  /** A vendor of its own and a model of it in acme, so the test's spend is its own. */
  private static String model(String vendor, String jurisdiction) {
    if (Stack.get("/api/v1/vendors/" + vendor, officer()).status() == 404) {
      assertEquals(
          201,
          Stack.post("/api/v1/vendors", officer(), Fixtures.vendor(vendor, jurisdiction)).status());
    }
    String model = Stack.unique("spend-m");
    Stack.Reply created =
        Stack.post("/api/v1/models", officer(), Fixtures.model(model, vendor, "proposed"));
    assertEquals(201, created.status(), created.raw().body());
    return model;
  }

  private static Map<String, Object> price(
      String model, String currency, Object input, Object output, Instant from) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", model);
    body.put("currency", currency);
    body.put("inputPerMillion", input);
    body.put("outputPerMillion", output);
    if (from != null) body.put("validFrom", from.toString());
    return body;
  }

  private static void report(String model, int input, int output, Long costMicros) {
    String decisionId = decide("acme", decision("research", model)).get("decisionId").asText();
    Map<String, Object> usage =
        new LinkedHashMap<>(
            Map.of(
                "decisionId",
                decisionId,
                "model",
                model,
                "inputTokens",
                input,
                "outputTokens",
                output,
                "latencyMs",
                100));
    if (costMicros != null) usage.put("costMicros", costMicros);
    Stack.Reply stored = Stack.post("/api/v1/usage", Stack.gateway("acme"), usage);
    assertEquals(201, stored.status(), stored.raw().body());
  }

  private static JsonNode spend(String query, String token) {
    Stack.Reply reply = Stack.get("/api/v1/spend?" + query, token);
    assertEquals(200, reply.status(), reply.raw().body());
    return reply.body();
  }

  @Test
  void usageWithoutACostIsPricedFromThePriceValidAtItsDecision() {
    String vendor = Stack.unique("spend-v");
    String priced = model(vendor, "FR");
    String unpriced = model(vendor, "FR");
    Stack.Reply added =
        Stack.post(
            "/api/v1/prices",
            officer(),
            price(priced, "USD", 2.5, 10, Instant.now().minus(1, ChronoUnit.HOURS)));
    assertEquals(201, added.status(), added.raw().body());
    assertEquals(2.5, added.body().get("inputPerMillion").asDouble());

    report(priced, 1000, 500, null); // 1000 × 2.5 + 500 × 10 = 7,500 micros
    report(priced, 1000, 500, 4000L); // a reported cost is kept as reported
    report(unpriced, 70, 30, null); // no price, no cost: counted as unpriced

    JsonNode byModel = spend("groupBy=model&model=" + priced, officer());
    JsonNode item = byModel.get("items").get(0);
    assertEquals(1, byModel.get("items").size(), byModel.toString());
    assertEquals(priced, item.get("key").asText());
    assertEquals("USD", item.get("currency").asText());
    assertEquals(2, item.get("calls").asLong());
    assertEquals(2000, item.get("inputTokens").asLong());
    assertEquals(1000, item.get("outputTokens").asLong());
    assertEquals(11_500, item.get("costMicros").asLong());
    assertEquals(0, item.get("unpricedCalls").asLong());

    JsonNode other = spend("groupBy=model&model=" + unpriced, officer()).get("items").get(0);
    assertEquals(1, other.get("unpricedCalls").asLong());
    assertEquals(0, other.get("costMicros").asLong());

    assertEquals(
        "FR",
        spend("groupBy=jurisdiction&model=" + priced, officer())
            .get("items")
            .get(0)
            .get("key")
            .asText());
    assertEquals(
        vendor,
        spend("groupBy=vendor&model=" + priced, officer()).get("items").get(0).get("key").asText());
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonNode byDay = spend("groupBy=team&interval=day&model=" + priced, Stack.user("carol"));
    assertEquals(today, byDay.get("items").get(0).get("period").asText());
    assertEquals("research", byDay.get("items").get(0).get("key").asText());
    assertEquals(11_500, byDay.get("totals").get(0).get("costMicros").asLong());
  }

  /**
   * A routed call is costed at its deployment's own price and counted under its operator's
   * jurisdiction.
   */
  @Test
  void aRoutedCallIsCostedAtItsDeploymentsPriceAndCountedUnderItsOperator() {
    String vendor = Stack.unique("spend-v");
    assertEquals(
        201, Stack.post("/api/v1/vendors", officer(), Fixtures.vendor(vendor, "US")).status());
    String model = Stack.unique("spend-m");
    assertEquals(
        201,
        Stack.post("/api/v1/models", officer(), Fixtures.model(model, vendor, "approved"))
            .status());
    String team = Stack.unique("spend-t");
    assertEquals(
        201, Stack.post("/api/v1/teams", Stack.user("dave"), Fixtures.team(team)).status());
    Approvals.grant("acme", team, model, "internal");
    String own = Stack.unique("spend-own");
    assertEquals(
        201,
        Stack.post("/api/v1/deployments", officer(), DeploymentIT.deployment(own, model)).status());
    Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
    assertEquals(
        201,
        Stack.post("/api/v1/prices", officer(), price(model, "USD", 10, 10, hourAgo)).status());
    Map<String, Object> ownPrice = price(model, "USD", 1, 2, hourAgo);
    ownPrice.put("deployment", own);
    Stack.Reply priced = Stack.post("/api/v1/prices", officer(), ownPrice);
    assertEquals(201, priced.status(), priced.raw().body());

    JsonNode answer = decide("acme", decision(team, model));
    assertEquals(own, answer.get("route").get("deployment").asText(), answer.toString());
    Stack.Reply stored =
        Stack.post(
            "/api/v1/usage",
            Stack.gateway("acme"),
            Map.of(
                "decisionId",
                answer.get("decisionId").asText(),
                "model",
                model,
                "inputTokens",
                1000,
                "outputTokens",
                1000,
                "latencyMs",
                100));
    assertEquals(201, stored.status(), stored.raw().body());

    JsonNode byOperator = spend("groupBy=operatorJurisdiction&model=" + model, officer());
    assertEquals(1, byOperator.get("items").size(), byOperator.toString());
    assertEquals(
        "FR",
        byOperator.get("items").get(0).get("key").asText(),
        "acme's own cluster, not the US vendor");
    assertEquals(
        3_000,
        byOperator.get("items").get(0).get("costMicros").asLong(),
        "1000 × 1 + 1000 × 2, not the model's 10");
    assertEquals(
        own,
        spend("groupBy=deployment&model=" + model, officer())
            .get("items")
            .get(0)
            .get("key")
            .asText());
    assertEquals(
        "self-hosted",
        spend("groupBy=operator&model=" + model, officer())
            .get("items")
            .get(0)
            .get("key")
            .asText());
    assertEquals(
        "US",
        spend("groupBy=jurisdiction&model=" + model, officer())
            .get("items")
            .get(0)
            .get("key")
            .asText(),
        "the weights' origin stays the vendor's");
  }

  @Test
  void spendDownloadsAsCsvAndInTheFocusLayout() {
    String model = model(Stack.unique("spend-v"), "DE");
    assertEquals(
        201,
        Stack.post(
                "/api/v1/prices",
                officer(),
                price(model, "EUR", 1, 2, Instant.now().minus(1, ChronoUnit.HOURS)))
            .status());
    report(model, 1_000_000, 500_000, null); // 1,000,000 × 1 + 500,000 × 2 = 2 EUR

    Stack.Reply csv =
        Stack.get("/api/v1/spend?format=csv&groupBy=model&model=" + model, Stack.user("dave"));
    assertEquals(200, csv.status());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    String[] lines = csv.raw().body().split("\r\n");
    assertEquals(
        "model,period,currency,calls,inputTokens,outputTokens,costMicros,unpricedCalls", lines[0]);
    assertEquals(model + ",,EUR,1,1000000,500000,2000000,0", lines[1]);

    Stack.Reply focus = Stack.get("/api/v1/spend?format=focus&model=" + model, Stack.user("carol"));
    assertEquals(200, focus.status());
    String[] rows = focus.raw().body().split("\r\n");
    List<String> header = List.of(rows[0].split(","));
    List<String> row = List.of(rows[1].split(","));
    assertEquals("2.000000", row.get(header.indexOf("BilledCost")));
    assertEquals("EUR", row.get(header.indexOf("BillingCurrency")));
    assertEquals("research", row.get(header.indexOf("SubAccountId")));
    assertEquals(model, row.get(header.indexOf("ResourceId")));
    assertEquals("1500000", row.get(header.indexOf("ConsumedQuantity")));
    assertEquals(
        LocalDate.now(ZoneOffset.UTC) + "T00:00:00Z", row.get(header.indexOf("ChargePeriodStart")));
  }

  @Test
  void aNewPriceEndsTheOpenOneAndOverlappingPricesAreRefused() {
    String model = model(Stack.unique("spend-v"), "US");
    Stack.Reply first =
        Stack.post(
            "/api/v1/prices",
            officer(),
            price(model, "USD", 3, 15, Instant.parse("2026-01-01T00:00:00Z")));
    assertEquals(201, first.status(), first.raw().body());
    String firstId = first.body().get("id").asText();
    assertTrue(first.header("Location").endsWith("/api/v1/prices/" + firstId));
    assertEquals(
        201,
        Stack.post(
                "/api/v1/prices",
                officer(),
                price(model, "USD", 2, 8, Instant.parse("2026-06-01T00:00:00Z")))
            .status());
    assertEquals(
        "2026-06-01T00:00:00Z",
        Stack.get("/api/v1/prices/" + firstId, Stack.user("bob")).body().get("validTo").asText(),
        "the new price ended the open-ended one at its start");

    Map<String, Object> inside = price(model, "USD", 1, 1, Instant.parse("2026-03-01T00:00:00Z"));
    inside.put("validTo", "2026-04-01T00:00:00Z");
    Stack.Reply overlap = Stack.post("/api/v1/prices", officer(), inside);
    assertEquals(409, overlap.status(), overlap.raw().body());
    assertEquals("application/problem+json", overlap.contentType());
    assertTrue(overlap.body().get("detail").asText().contains(firstId), overlap.body().toString());

    Map<String, Object> backwards =
        price(model, "USD", 1, 1, Instant.parse("2027-03-01T00:00:00Z"));
    backwards.put("validTo", "2027-02-01T00:00:00Z");
    assertEquals("validTo", field(Stack.post("/api/v1/prices", officer(), backwards), 400));
    assertEquals(
        "currency",
        field(Stack.post("/api/v1/prices", officer(), price(model, "usd", 1, 1, null)), 400));
    assertEquals(
        "inputPerMillion",
        field(Stack.post("/api/v1/prices", officer(), price(model, "USD", -1, 1, null)), 400));
    assertEquals(
        "outputPerMillion",
        field(
            Stack.post("/api/v1/prices", officer(), price(model, "USD", 1, "1e999999999", null)),
            400));
    assertEquals(
        "model",
        field(
            Stack.post("/api/v1/prices", officer(), price("no-such-model", "USD", 1, 1, null)),
            422));
    Map<String, Object> farOff = price(model, "USD", 1, 1, null);
    farOff.put("validFrom", "+1000000000-12-31T23:59:59Z");
    assertEquals("validFrom", field(Stack.post("/api/v1/prices", officer(), farOff), 400));
    assertEquals(
        403,
        Stack.post("/api/v1/prices", Stack.user("bob"), price(model, "USD", 1, 1, null)).status());

    JsonNode listed =
        Stack.get("/api/v1/prices?model=" + model, Stack.user("bob")).body().get("items");
    assertEquals(2, listed.size());
    assertEquals(204, Stack.delete("/api/v1/prices/" + firstId, officer()).status());
    assertEquals(404, Stack.get("/api/v1/prices/" + firstId, officer()).status());
    String changes =
        Stack.get("/api/v1/audit/changes?format=ndjson&entityType=price", Stack.user("dave"))
            .raw()
            .body();
    assertTrue(
        changes.contains("\"price.deleted\"") && changes.contains(firstId),
        "price changes are in the audit trail");
  }

  @Test
  void liteLlmsPriceMapPricesTheModelsItNames() {
    String vendor = Stack.unique("spend-v");
    String exact = model(vendor, "US");
    String byVendor = model(vendor, "US");
    String ambiguous = model(vendor, "US");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(
        "sample_spec",
        Map.of("input_cost_per_token", 0, "output_cost_per_token", 0, "mode", "one of chat"));
    map.put(exact, entry(3e-06, 1.5e-05, "openai"));
    map.put("azure/" + exact, entry(9e-06, 9e-05, "azure"));
    map.put("other/" + byVendor, entry(5e-06, 5e-06, "other"));
    map.put(vendor + "/" + byVendor, entry(1e-07, 4e-07, vendor));
    map.put("one/" + ambiguous, entry(1e-06, 1e-06, "one"));
    map.put("two/" + ambiguous, entry(2e-06, 2e-06, "two"));
    map.put("image-" + exact, Map.of("input_cost_per_image", 0.04, "litellm_provider", "openai"));
    for (int i = 0; map.toString().length() < 200_000; i++) {
      map.put(
          "filler/unknown-model-" + i,
          entry(1e-06, 2e-06, "filler")); // the real map is over a megabyte
    }

    Stack.Reply imported =
        Stack.post("/api/v1/prices/import?validFrom=2026-01-01T00:00:00Z", officer(), map);
    assertEquals(200, imported.status(), imported.raw().body());
    Map<String, JsonNode> byModel = new LinkedHashMap<>();
    imported.body().get("imported").forEach(i -> byModel.put(i.get("model").asText(), i));
    assertEquals(exact, byModel.get(exact).get("entry").asText());
    assertEquals(3, byModel.get(exact).get("price").get("inputPerMillion").asDouble());
    assertEquals(15, byModel.get(exact).get("price").get("outputPerMillion").asDouble());
    assertEquals("litellm", byModel.get(exact).get("price").get("source").asText());
    assertEquals(vendor + "/" + byVendor, byModel.get(byVendor).get("entry").asText());
    assertEquals(0.4, byModel.get(byVendor).get("price").get("outputPerMillion").asDouble());
    List<String> ambiguousModels = new ArrayList<>();
    imported.body().get("ambiguous").forEach(a -> ambiguousModels.add(a.get("model").asText()));
    assertTrue(ambiguousModels.contains(ambiguous), imported.body().get("ambiguous").toString());

    Stack.Reply again =
        Stack.post("/api/v1/prices/import?validFrom=2026-02-01T00:00:00Z", officer(), map);
    assertEquals(200, again.status(), again.raw().body());
    assertTrue(
        again.body().get("unchanged").toString().contains("\"" + exact + "\""),
        "an unchanged price is left alone");
    assertEquals(
        1, Stack.get("/api/v1/prices?model=" + exact, officer()).body().get("items").size());

    assertEquals(400, Stack.post("/api/v1/prices/import", officer(), List.of(1, 2)).status());
    assertEquals(
        "validFrom",
        field(Stack.post("/api/v1/prices/import?validFrom=yesterday", officer(), map), 400));
  }

  @Test
  void spendAndPricesAreTheTenantsOwnAndNotForRequesters() {
    String model = model(Stack.unique("spend-v"), "FR");
    String id =
        Stack.post("/api/v1/prices", officer(), price(model, "USD", 1, 1, null))
            .body()
            .get("id")
            .asText();
    report(model, 10, 10, null);
    assertEquals(1, spend("model=" + model, officer()).get("items").size());
    assertEquals(0, spend("model=" + model, Stack.user("erin")).get("items").size());
    assertEquals(
        0,
        Stack.get("/api/v1/prices?model=" + model, Stack.user("erin")).body().get("items").size());
    assertEquals(404, Stack.get("/api/v1/prices/" + id, Stack.user("erin")).status());
    assertEquals(404, Stack.delete("/api/v1/prices/" + id, Stack.user("erin")).status());
    assertEquals(403, Stack.get("/api/v1/spend", Stack.user("bob")).status());
    assertEquals("from", field(Stack.get("/api/v1/spend?from=2026-13-01", officer()), 400));
    assertEquals(
        "from", field(Stack.get("/api/v1/spend?from=2026-12-02&to=2026-12-01", officer()), 400));
    assertEquals("groupBy", field(Stack.get("/api/v1/spend?groupBy=planet", officer()), 400));
    assertEquals(
        "interval",
        field(
            Stack.get("/api/v1/spend?interval=day&from=2020-01-01&to=2026-01-01", officer()), 400));
  }

  private static Map<String, Object> entry(double input, double output, String provider) {
    return Map.of(
        "input_cost_per_token",
        input,
        "output_cost_per_token",
        output,
        "litellm_provider",
        provider,
        "mode",
        "chat");
  }

  private static String field(Stack.Reply reply, int status) {
    assertEquals(status, reply.status(), reply.raw().body());
    assertEquals("application/problem+json", reply.contentType());
    return reply.body().get("errors").get(0).get("field").asText();
  }
}
