package io.portolan.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A golden decision file of src/test/resources/decisions: a tenant's inventory and settings in the
 * API's own shapes, and decision cases with their expected answers. The same files are replayed
 * against OPA directly and against the HTTP decision API.
 */
public record GoldenFile(String name, JsonNode content) {
  public static final Path DIRECTORY = Path.of("src/test/resources/decisions");
  private static final ObjectMapper JSON = new ObjectMapper();

  public static List<GoldenFile> all(Path repo) {
    try (Stream<Path> files = Files.list(repo.resolve(DIRECTORY))) {
      List<GoldenFile> golden = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        golden.add(new GoldenFile(file.getFileName().toString(), JSON.readTree(file.toFile())));
      }
      return golden;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode vendors() {
    return content.get("vendors");
  }

  public JsonNode models() {
    return content.get("models");
  }

  /**
   * The file's deployments in the API's shape; a file without any gets what db/V17 gives every
   * model that existed before deployments: one, with the model's id, operated by its vendor.
   */
  public JsonNode deployments() {
    if (content.has("deployments")) {
      return content.get("deployments");
    }
    var derived = JSON.createArrayNode();
    for (JsonNode m : models()) {
      String vendor = m.get("vendor").asText();
      String jurisdiction = "";
      for (JsonNode v : vendors()) {
        if (v.get("id").asText().equals(vendor)) jurisdiction = v.get("jurisdiction").asText();
      }
      ObjectNode d = derived.addObject();
      d.put("id", m.get("id").asText()).put("model", m.get("id").asText()).put("operator", vendor);
      d.put("operatorJurisdiction", jurisdiction).set("regions", m.get("hostingRegions"));
      d.put("zeroDataRetention", false).put("status", "active");
    }
    return derived;
  }

  public JsonNode teams() {
    return content.get("teams");
  }

  public JsonNode approvals() {
    return content.get("approvals");
  }

  /** Aliases in the API's shape ({id, candidates: [{model, deployment?}]}); none when absent. */
  public JsonNode aliases() {
    return content.path("aliases").isArray() ? content.get("aliases") : JSON.createArrayNode();
  }

  /**
   * Monthly budgets with what each team spent this month ("spent", on the model "spentOn"); none
   * when absent.
   */
  public JsonNode budgets() {
    return content.path("budgets").isArray() ? content.get("budgets") : JSON.createArrayNode();
  }

  public JsonNode settings() {
    return content.get("settings");
  }

  public JsonNode cases() {
    return content.get("cases");
  }

  /** The document Portolan publishes to OPA for this inventory, as data.tenants[tenant]. */
  public ObjectNode tenantDocument() {
    ObjectNode document = JSON.createObjectNode();
    ObjectNode vendors = document.putObject("vendors");
    for (JsonNode v : vendors()) {
      vendors
          .putObject(v.get("id").asText())
          .put("jurisdiction", v.get("jurisdiction").asText())
          .put("suspended", v.path("suspended").asBoolean(false))
          .set(
              "suspensionReason",
              v.path("suspended").asBoolean(false) ? v.get("suspensionReason") : null);
      cutOff((ObjectNode) vendors.get(v.get("id").asText()), v);
    }
    ObjectNode models = document.putObject("models");
    for (JsonNode m : models()) {
      ObjectNode model = models.putObject(m.get("id").asText());
      model.put("vendor", m.get("vendor").asText()).put("status", m.get("status").asText());
      model
          .put("openWeights", m.get("openWeights").asBoolean())
          .put("selfHostable", m.get("selfHostable").asBoolean());
      model.put("costTier", m.get("costTier").asText());
      model.set("hostingRegions", sorted(m.get("hostingRegions")));
      model.set("capabilities", sorted(m.get("capabilities")));
      cutOff(model, m);
    }
    ObjectNode deployments = document.putObject("deployments");
    for (JsonNode d : deployments()) {
      ObjectNode deployment = deployments.putObject(d.get("id").asText());
      deployment.put("model", d.get("model").asText()).put("operator", d.get("operator").asText());
      deployment.put("selfHosted", d.get("operator").asText().equals("self-hosted"));
      deployment.put("operatorJurisdiction", d.get("operatorJurisdiction").asText());
      deployment.put("status", d.get("status").asText());
      deployment.set("regions", sorted(d.get("regions")));
      deployment.set("endpoint", d.path("endpoint").isMissingNode() ? null : d.get("endpoint"));
      boolean zero = d.get("zeroDataRetention").asBoolean();
      deployment.set(
          "retentionDays",
          zero
              ? JSON.getNodeFactory().numberNode(0)
              : d.path("retentionDays").isMissingNode() ? null : d.get("retentionDays"));
      deployment.set(
          "trainsOnPrompts",
          d.path("trainsOnPrompts").isMissingNode() ? null : d.get("trainsOnPrompts"));
      deployment.put("zeroDataRetention", zero);
      deployment.set("availableFromMs", millis(d.path("availableFrom")));
      deployment.set("cutOffAtMs", millis(d.path("cutOffAt")));
    }
    ObjectNode aliases = document.putObject("aliases");
    for (JsonNode a : aliases()) {
      aliases.putObject(a.get("id").asText()).set("candidates", a.get("candidates"));
    }
    ObjectNode teams = document.putObject("teams");
    for (JsonNode t : teams()) {
      teams
          .putObject(t.get("id").asText())
          .put("defaultTaskTier", t.path("defaultTaskTier").asText("standard"));
    }
    ObjectNode approvals = document.putObject("approvals");
    for (JsonNode a : approvals()) {
      ObjectNode team =
          approvals.has(a.get("team").asText())
              ? (ObjectNode) approvals.get(a.get("team").asText())
              : approvals.putObject(a.get("team").asText());
      var list =
          team.has(a.get("model").asText())
              ? (com.fasterxml.jackson.databind.node.ArrayNode) team.get(a.get("model").asText())
              : team.putArray(a.get("model").asText());
      ObjectNode approval =
          list.addObject()
              .put("id", "golden")
              .put("purpose", a.get("purpose").asText())
              .put("maxDataClassification", a.get("maxDataClassification").asText())
              .put("expiresAtMs", 4102444800000L);
      approval.set("regions", sorted(a.get("regions")));
      approval.set("deployments", sorted(a.path("deployments")));
    }
    document.set("budgets", budgetsDocument());
    document.set("settings", settings());
    document.put("revision", "golden");
    return document;
  }

  /**
   * The budgets as Portolan publishes them (TenantPolicyData), in this month, at the spend the file
   * states.
   */
  private ObjectNode budgetsDocument() {
    java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
    ObjectNode byTeam = JSON.createObjectNode();
    for (JsonNode b : budgets()) {
      long limit = micros(b.get("monthlyLimit").asText());
      long spent = micros(b.get("spent").asText());
      int percent = (int) (spent * 100.0 / limit);
      String currency = b.get("currency").asText();
      var list =
          byTeam.has(b.get("team").asText())
              ? (com.fasterxml.jackson.databind.node.ArrayNode) byTeam.get(b.get("team").asText())
              : byTeam.putArray(b.get("team").asText());
      list.addObject()
          .put("id", "golden")
          .put("vendor", b.path("vendor").asText(null))
          .put("currency", currency)
          .put("onExceeded", b.path("onExceeded").asText("deny"))
          .put("percent", percent)
          .put("percentText", percent + "%")
          .put("limitText", b.get("monthlyLimit").asText() + " " + currency)
          .put("spentText", b.get("spent").asText() + " " + currency)
          .put("remainingMicros", Math.max(0, limit - spent))
          .put("remainingText", "the rest")
          .put(
              "periodStartMs",
              month.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli())
          .put(
              "periodEndMs",
              month
                  .plusMonths(1)
                  .atDay(1)
                  .atStartOfDay(java.time.ZoneOffset.UTC)
                  .toInstant()
                  .toEpochMilli());
    }
    return byTeam;
  }

  public static long micros(String amount) {
    return new java.math.BigDecimal(amount).movePointRight(6).longValueExact();
  }

  /**
   * What an answer must match: allow, the set of reason codes, obligations and alternatives in
   * order (an alias offered as "alias:<name>"), and where a case names one, the deployment the call
   * is routed to ("route": an id, or null for none), each alternative's ("alternativeRoutes", in
   * order) and the model an alias asked for resolved to ("alias": an id, or null for none).
   */
  public static String expected(JsonNode expect) {
    return summary(
            expect.get("allow").asBoolean(),
            codes(expect.get("reasons")),
            list(expect.get("obligations")),
            list(expect.get("alternatives")))
        + (expect.has("route") ? " route=" + expect.get("route").asText("none") : "")
        + (expect.has("alternativeRoutes")
            ? " alternativeRoutes=" + list(expect.get("alternativeRoutes"))
            : "")
        + (expect.has("alias") ? " alias=" + expect.get("alias").asText("none") : "");
  }

  /**
   * The same summary of an actual answer (the API's or OPA's result document), routes as far as the
   * case names them.
   */
  public static String actual(JsonNode answer, JsonNode expect) {
    List<String> reasons = new ArrayList<>();
    answer.path("reasons").forEach(r -> reasons.add(r.get("code").asText()));
    List<String> obligations = new ArrayList<>();
    answer.path("obligations").forEach(o -> obligations.add(o.get("code").asText()));
    List<String> alternatives = new ArrayList<>();
    answer
        .path("alternatives")
        .forEach(
            a ->
                alternatives.add(
                    a.hasNonNull("alias")
                        ? "alias:" + a.get("alias").asText()
                        : a.get("model").asText()));
    List<String> alternativeRoutes = new ArrayList<>();
    answer
        .path("alternatives")
        .forEach(a -> alternativeRoutes.add(a.path("route").path("deployment").asText("none")));
    return summary(
            answer.get("allow").asBoolean(),
            new TreeSet<>(reasons).toString(),
            obligations,
            alternatives)
        + (expect.has("route")
            ? " route=" + answer.path("route").path("deployment").asText("none")
            : "")
        + (expect.has("alternativeRoutes") ? " alternativeRoutes=" + alternativeRoutes : "")
        + (expect.has("alias")
            ? " alias=" + answer.path("alias").path("model").asText("none")
            : "");
  }

  private static String summary(
      boolean allow, String reasons, List<String> obligations, List<String> alternatives) {
    return "allow="
        + allow
        + " reasons="
        + reasons
        + " obligations="
        + obligations
        + " alternatives="
        + alternatives;
  }

  private static String codes(JsonNode array) {
    return new TreeSet<>(list(array)).toString();
  }

  private static List<String> list(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  /**
   * An announced cut-off as Portolan publishes it: the instant in milliseconds and as text, and the
   * reason.
   */
  private static void cutOff(ObjectNode node, JsonNode written) {
    if (written.path("cutOffAt").isTextual()) {
      node.set("cutOffAtMs", millis(written.get("cutOffAt")));
      node.put("cutOffAt", java.time.Instant.parse(written.get("cutOffAt").asText()).toString());
      node.set(
          "cutOffReason",
          written.path("cutOffReason").isTextual() ? written.get("cutOffReason") : null);
    }
  }

  private static JsonNode millis(JsonNode instant) {
    return instant.isTextual()
        ? JSON.getNodeFactory().numberNode(java.time.Instant.parse(instant.asText()).toEpochMilli())
        : JSON.getNodeFactory().nullNode();
  }

  private static JsonNode sorted(JsonNode array) {
    var out = JSON.createArrayNode();
    new TreeSet<>(list(array)).forEach(out::add);
    return out;
  }
}
