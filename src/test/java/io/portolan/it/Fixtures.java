package io.portolan.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for the inventory, with sensible defaults a test overrides. */
final class Fixtures {
  private Fixtures() {}

  static Map<String, Object> vendor(String id, String jurisdiction) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Vendor " + id);
    body.put("jurisdiction", jurisdiction);
    body.put("suspended", false);
    return body;
  }

  /**
   * The deployment db/V17 gave every model that existed before deployments, and an operator records
   * for a new one: the vendor's own API, in the vendor's jurisdiction, serving eu and us. Needed
   * where a deployment rule applies (acme's demo settings deny CN and RU operators for confidential
   * and restricted data).
   */
  static void vendorDeployment(String model, String vendor, String jurisdiction) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", model);
    body.put("model", model);
    body.put("operator", vendor);
    body.put("operatorJurisdiction", jurisdiction);
    body.put("regions", List.of("eu", "us"));
    body.put("zeroDataRetention", false);
    body.put("status", "active");
    Stack.Reply created = Stack.post("/api/v1/deployments", Stack.user("alice"), body);
    if (created.status() != 201) {
      throw new AssertionError("deployment of " + model + ": " + created.raw().body());
    }
  }

  static Map<String, Object> model(String id, String vendor, String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("displayName", "Model " + id);
    body.put("vendor", vendor);
    body.put("hostingRegions", List.of("eu", "us"));
    body.put("openWeights", true);
    body.put("selfHostable", true);
    body.put("licence", "Apache-2.0");
    // A capability of their own: test models never crowd the demo models out of alternatives.
    body.put("capabilities", List.of("fixture"));
    body.put("costTier", "low");
    body.put("status", status);
    return body;
  }

  static Map<String, Object> team(String id) {
    return new LinkedHashMap<>(Map.of("id", id, "name", "Team " + id));
  }

  static Map<String, Object> decision(String team, String model) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("team", team);
    body.put("model", model);
    body.put("purpose", "chat");
    body.put("dataClassification", "internal");
    body.put("region", "eu");
    return body;
  }

  static <K, V> Map<K, V> with(Map<K, V> body, K key, V value) {
    Map<K, V> copy = new LinkedHashMap<>(body);
    copy.put(key, value);
    return copy;
  }
}
