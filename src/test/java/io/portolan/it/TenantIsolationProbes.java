package io.portolan.it;

import io.portolan.it.TenantIsolationHttp.Call;
import io.portolan.it.TenantIsolationWorld.Kind;
import io.portolan.it.TenantIsolationWorld.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * For each operation of the OpenAPI document, the requests the fuzz may send: paths, filters,
 * headers and bodies naming an id of the other tenant (or one that exists nowhere), and requests
 * naming nothing foreign whose answers must still show nothing of the other tenant.
 *
 * <p>Requests that would change a tenant-wide setting for real are sent in a harmless form (an
 * invalid body, as RoleMatrixIT does); deleting the webhook and publishing the draft have none, so
 * they are sent only by callers whose role is refused them.
 */
final class TenantIsolationProbes {
  /** What the answers to a probe must satisfy beyond "no leak, no 5xx, errors as problem+json". */
  enum Rule {
    /**
     * Names one object by its id: the other tenant's answers as one that exists nowhere, 403 or
     * 404.
     */
    SINGLE_OBJECT,
    /**
     * Names the other tenant's ids in a body, header or filter: answered as ids that exist nowhere.
     */
    REFERENCE,
    /**
     * Creates the caller's own object under an id the other tenant uses: as a fresh id (no 409
     * oracle).
     */
    CREATE_OWN,
    /** Names nothing of the other tenant: only the leak checks apply. */
    AMBIENT
  }

  /**
   * What of two successful twin answers must be equal (errors are always compared by their
   * problem).
   */
  enum View {
    STATUS,
    BODY,
    DECISION,
    AUTH
  }

  /**
   * What a builder gets: the caller, its tenant, the id under test, and fresh ids shared by both
   * twins.
   */
  record Request(String caller, Tenant own, String id, String freshId, String freshUuid) {}

  interface Builder {
    Call build(Request r);
  }

  record Probe(
      String operation,
      String name,
      Rule rule,
      Kind kind,
      View view,
      Set<String> neverBy,
      Builder builder) {}

  private static final String API = "/api/v1";
  private static final String TEAM_MODELS_QUERY =
      "/models?purpose=chat&dataClassification=internal&region=eu";

  private final TenantIsolationWorld world;
  private final String since;
  private final Map<String, List<Probe>> table = new TreeMap<>();

  TenantIsolationProbes(TenantIsolationWorld world) {
    this.world = world;
    this.since = world.start.toString();
    inventory();
    spend();
    decisions();
    policy();
    approvals();
    audit();
    rest();
  }

  Map<String, List<Probe>> table() {
    return table;
  }

  private void inventory() {
    String models = "GET " + API + "/models";
    ambient(models, "all", r -> get(r, "/models?size=500"));
    add(
        models,
        "vendor filter",
        Rule.REFERENCE,
        Kind.VENDOR,
        View.BODY,
        r -> get(r, "/models?size=500&vendor=" + r.id()));
    add(
        models,
        "capability filter",
        Rule.REFERENCE,
        Kind.CAPABILITY,
        View.BODY,
        r -> get(r, "/models?capability=" + r.id()));
    add(
        models,
        "search",
        Rule.REFERENCE,
        Kind.MODEL,
        View.BODY,
        r -> get(r, "/models?q=" + r.id()));
    String createModel = "POST " + API + "/models";
    add(
        createModel,
        "foreign vendor",
        Rule.REFERENCE,
        Kind.VENDOR,
        View.STATUS,
        r ->
            send(r, "POST", "/models", Fixtures.model(r.freshId(), r.id(), "proposed"))
                .cleanup(API + "/models/" + r.freshId()));
    add(
        createModel,
        "foreign id",
        Rule.CREATE_OWN,
        Kind.MODEL,
        View.STATUS,
        r ->
            send(r, "POST", "/models", Fixtures.model(r.id(), r.own().vendor, "proposed"))
                .cleanup(API + "/models/" + r.id()));
    single("GET " + API + "/models/{id}", Kind.MODEL, r -> get(r, "/models/" + r.id()));
    single(
        "GET " + API + "/models/{id}/suspension-impact",
        Kind.MODEL,
        r -> get(r, "/models/" + r.id() + "/suspension-impact"));
    single(
        "PUT " + API + "/models/{id}",
        Kind.MODEL,
        r ->
            send(
                r, "PUT", "/models/" + r.id(), Fixtures.model(r.id(), r.own().vendor, "proposed")));
    add(
        "PUT " + API + "/models/{id}",
        "own model, foreign vendor",
        Rule.REFERENCE,
        Kind.VENDOR,
        View.STATUS,
        r -> {
          Map<String, Object> body = new LinkedHashMap<>(r.own().bodies.get(r.own().spareModel));
          body.put("vendor", r.id());
          return send(r, "PUT", "/models/" + r.own().spareModel, body);
        });
    single(
        "DELETE " + API + "/models/{id}",
        Kind.MODEL,
        r -> send(r, "DELETE", "/models/" + r.id(), null));

    String deployments = "GET " + API + "/deployments";
    ambient(deployments, "all", r -> get(r, "/deployments?size=500"));
    add(
        deployments,
        "model filter",
        Rule.REFERENCE,
        Kind.MODEL,
        View.BODY,
        r -> get(r, "/deployments?size=500&model=" + r.id()));
    String createDeployment = "POST " + API + "/deployments";
    add(
        createDeployment,
        "foreign model",
        Rule.REFERENCE,
        Kind.MODEL,
        View.STATUS,
        r ->
            send(r, "POST", "/deployments", DeploymentIT.deployment(r.freshId(), r.id()))
                .cleanup(API + "/deployments/" + r.freshId()));
    add(
        createDeployment,
        "foreign id",
        Rule.CREATE_OWN,
        Kind.DEPLOYMENT,
        View.STATUS,
        r ->
            send(r, "POST", "/deployments", DeploymentIT.deployment(r.id(), r.own().model))
                .cleanup(API + "/deployments/" + r.id()));
    single(
        "GET " + API + "/deployments/{id}", Kind.DEPLOYMENT, r -> get(r, "/deployments/" + r.id()));
    single(
        "PUT " + API + "/deployments/{id}",
        Kind.DEPLOYMENT,
        r ->
            send(
                r,
                "PUT",
                "/deployments/" + r.id(),
                DeploymentIT.deployment(r.id(), r.own().model)));
    single(
        "DELETE " + API + "/deployments/{id}",
        Kind.DEPLOYMENT,
        r -> send(r, "DELETE", "/deployments/" + r.id(), null));
    single(
        "GET " + API + "/deployments/{id}/suspension-impact",
        Kind.DEPLOYMENT,
        r -> get(r, "/deployments/" + r.id() + "/suspension-impact"));

    String aliases = API + "/aliases";
    ambient("GET " + aliases, "all", r -> get(r, "/aliases"));
    add(
        "POST " + aliases,
        "foreign model",
        Rule.REFERENCE,
        Kind.MODEL,
        View.STATUS,
        r ->
            send(r, "POST", "/aliases", TenantIsolationWorld.alias(r.freshId(), r.id(), null, "x"))
                .cleanup(aliases + "/" + r.freshId()));
    add(
        "POST " + aliases,
        "foreign deployment",
        Rule.REFERENCE,
        Kind.DEPLOYMENT,
        View.STATUS,
        r ->
            send(
                    r,
                    "POST",
                    "/aliases",
                    TenantIsolationWorld.alias(r.freshId(), r.own().model, r.id(), "x"))
                .cleanup(aliases + "/" + r.freshId()));
    add(
        "POST " + aliases,
        "foreign id",
        Rule.CREATE_OWN,
        Kind.ALIAS,
        View.STATUS,
        r ->
            send(
                    r,
                    "POST",
                    "/aliases",
                    TenantIsolationWorld.alias(r.id(), r.own().model, null, "x"))
                .cleanup(aliases + "/" + r.id()));
    single("GET " + aliases + "/{id}", Kind.ALIAS, r -> get(r, "/aliases/" + r.id()));
    single(
        "PUT " + aliases + "/{id}/draft",
        Kind.ALIAS,
        r ->
            send(
                r,
                "PUT",
                "/aliases/" + r.id() + "/draft",
                TenantIsolationWorld.alias(r.id(), r.own().model, null, "x")));
    single(
        "DELETE " + aliases + "/{id}/draft",
        Kind.ALIAS,
        r -> send(r, "DELETE", "/aliases/" + r.id() + "/draft", null));
    single(
        "GET " + aliases + "/{id}/impact",
        Kind.ALIAS,
        r -> get(r, "/aliases/" + r.id() + "/impact"));
    single(
        "GET " + aliases + "/{id}/resolution",
        Kind.ALIAS,
        r -> get(r, "/aliases/" + r.id() + "/resolution"));
    single(
        "POST " + aliases + "/{id}/publish",
        Kind.ALIAS,
        r -> send(r, "POST", "/aliases/" + r.id() + "/publish", null));
    single(
        "DELETE " + aliases + "/{id}",
        Kind.ALIAS,
        r -> send(r, "DELETE", "/aliases/" + r.id(), null));

    ambient("GET " + API + "/vendors", "all", r -> get(r, "/vendors?size=500"));
    add(
        "POST " + API + "/vendors",
        "foreign id",
        Rule.CREATE_OWN,
        Kind.VENDOR,
        View.STATUS,
        r ->
            send(r, "POST", "/vendors", Fixtures.vendor(r.id(), "FR"))
                .cleanup(API + "/vendors/" + r.id()));
    single("GET " + API + "/vendors/{id}", Kind.VENDOR, r -> get(r, "/vendors/" + r.id()));
    single(
        "GET " + API + "/vendors/{id}/suspension-impact",
        Kind.VENDOR,
        r -> get(r, "/vendors/" + r.id() + "/suspension-impact"));
    single(
        "PUT " + API + "/vendors/{id}",
        Kind.VENDOR,
        r -> send(r, "PUT", "/vendors/" + r.id(), Fixtures.vendor(r.id(), "FR")));
    single(
        "DELETE " + API + "/vendors/{id}",
        Kind.VENDOR,
        r -> send(r, "DELETE", "/vendors/" + r.id(), null));

    ambient("GET " + API + "/teams", "all", r -> get(r, "/teams?size=500"));
    add(
        "POST " + API + "/teams",
        "foreign id",
        Rule.CREATE_OWN,
        Kind.TEAM,
        View.STATUS,
        r -> send(r, "POST", "/teams", Fixtures.team(r.id())).cleanup(API + "/teams/" + r.id()));
    single("GET " + API + "/teams/{id}", Kind.TEAM, r -> get(r, "/teams/" + r.id()));
    single(
        "PUT " + API + "/teams/{id}",
        Kind.TEAM,
        r -> send(r, "PUT", "/teams/" + r.id(), Fixtures.team(r.id())));
    single(
        "DELETE " + API + "/teams/{id}",
        Kind.TEAM,
        r -> send(r, "DELETE", "/teams/" + r.id(), null));
    single(
        "GET " + API + "/teams/{team}/models",
        Kind.TEAM,
        r -> get(r, "/teams/" + r.id() + TEAM_MODELS_QUERY));
  }

  /**
   * Prices, spend, dependency and budgets. Writes of the caller's own are sent with a foreign
   * reference or invalid.
   */
  private void spend() {
    String prices = "GET " + API + "/prices";
    ambient(prices, "all", r -> get(r, "/prices"));
    add(
        prices,
        "model filter",
        Rule.REFERENCE,
        Kind.MODEL,
        View.BODY,
        r -> get(r, "/prices?model=" + r.id()));
    add(
        "POST " + API + "/prices",
        "foreign model",
        Rule.REFERENCE,
        Kind.MODEL,
        View.STATUS,
        r ->
            send(
                r,
                "POST",
                "/prices",
                Map.of(
                    "model",
                    r.id(),
                    "currency",
                    "EUR",
                    "inputPerMillion",
                    1,
                    "outputPerMillion",
                    1)));
    single("GET " + API + "/prices/{id}", Kind.PRICE, r -> get(r, "/prices/" + r.id()));
    single(
        "DELETE " + API + "/prices/{id}",
        Kind.PRICE,
        r -> send(r, "DELETE", "/prices/" + r.id(), null));
    ambient(
        "POST " + API + "/prices/import", "invalid", r -> send(r, "POST", "/prices/import", "[]"));

    // Filtered by a foreign team or model, compared by status: the caller's own usage may carry
    // those names.
    String spend = "GET " + API + "/spend";
    ambient(spend, "by team", r -> get(r, "/spend?groupBy=team"));
    ambient(spend, "by jurisdiction, csv", r -> get(r, "/spend?groupBy=jurisdiction&format=csv"));
    ambient(spend, "focus", r -> get(r, "/spend?format=focus"));
    add(
        spend,
        "team filter",
        Rule.REFERENCE,
        Kind.TEAM,
        View.STATUS,
        r -> get(r, "/spend?team=" + r.id()));
    add(
        spend,
        "model filter",
        Rule.REFERENCE,
        Kind.MODEL,
        View.STATUS,
        r -> get(r, "/spend?groupBy=model&model=" + r.id()));
    ambient("GET " + API + "/spend/dependency", "all", r -> get(r, "/spend/dependency"));
    ambient("GET " + API + "/spend/ceilings", "all", r -> get(r, "/spend/ceilings"));
    ambient(
        "PUT " + API + "/spend/ceilings",
        "invalid",
        r ->
            send(
                r,
                "PUT",
                "/spend/ceilings",
                "{\"items\":[{\"dimension\":\"planet\",\"maxSharePercent\":1}]}"));

    String budgets = "GET " + API + "/budgets";
    ambient(budgets, "all", r -> get(r, "/budgets"));
    add(
        budgets,
        "team filter",
        Rule.REFERENCE,
        Kind.TEAM,
        View.STATUS,
        r -> get(r, "/budgets?team=" + r.id()));
    String createBudget = "POST " + API + "/budgets";
    add(
        createBudget,
        "foreign team",
        Rule.REFERENCE,
        Kind.TEAM,
        View.STATUS,
        r -> send(r, "POST", "/budgets", BudgetIT.budget(r.id(), null, "5", null)));
    add(
        createBudget,
        "foreign vendor",
        Rule.REFERENCE,
        Kind.VENDOR,
        View.STATUS,
        r -> send(r, "POST", "/budgets", BudgetIT.budget(r.own().team, r.id(), "5", null)));
    single("GET " + API + "/budgets/{id}", Kind.BUDGET, r -> get(r, "/budgets/" + r.id()));
    single(
        "PUT " + API + "/budgets/{id}",
        Kind.BUDGET,
        r -> send(r, "PUT", "/budgets/" + r.id(), BudgetIT.budget(r.own().team, null, "5", null)));
    single(
        "DELETE " + API + "/budgets/{id}",
        Kind.BUDGET,
        r -> send(r, "DELETE", "/budgets/" + r.id(), null));
  }

  private void decisions() {
    String decide = "POST " + API + "/decisions";
    add(
        decide,
        "foreign team",
        Rule.REFERENCE,
        Kind.TEAM,
        View.DECISION,
        r -> send(r, "POST", "/decisions", Fixtures.decision(r.id(), r.own().model)));
    add(
        decide,
        "foreign model",
        Rule.REFERENCE,
        Kind.MODEL,
        View.DECISION,
        r -> send(r, "POST", "/decisions", Fixtures.decision(r.own().team, r.id())));
    String tryDecision = "POST " + API + "/decisions/try";
    add(
        tryDecision,
        "foreign team",
        Rule.REFERENCE,
        Kind.TEAM,
        View.DECISION,
        r -> send(r, "POST", "/decisions/try", Fixtures.decision(r.id(), r.own().model)));
    add(
        tryDecision,
        "foreign model",
        Rule.REFERENCE,
        Kind.MODEL,
        View.DECISION,
        r -> send(r, "POST", "/decisions/try", Fixtures.decision(r.own().team, r.id())));
    String auth = "GET " + API + "/decisions/auth-request";
    add(
        auth,
        "foreign team",
        Rule.REFERENCE,
        Kind.TEAM,
        View.AUTH,
        r -> authRequest(r, r.id(), r.own().model));
    add(
        auth,
        "foreign model",
        Rule.REFERENCE,
        Kind.MODEL,
        View.AUTH,
        r -> authRequest(r, r.own().team, r.id()));

    // A sidecar upload naming a decision id: filed in the caller's own log, whoever else used the
    // id.
    add(
        "POST " + API + "/opa/decision-logs",
        "foreign decision id",
        Rule.REFERENCE,
        Kind.SIDECAR_DECISION,
        View.BODY,
        r -> {
          Map<String, Object> input =
              new LinkedHashMap<>(Fixtures.decision(r.own().team, r.own().model));
          input.put("tenant", r.own().name);
          return send(
              r,
              "POST",
              "/opa/decision-logs",
              List.of(
                  Map.of(
                      "decision_id",
                      r.id(),
                      "path",
                      "portolan/decision",
                      "input",
                      input,
                      "result",
                      Map.of("allow", false, "reasons", List.of()),
                      "timestamp",
                      Instant.now().toString())));
        });

    String usage = "POST " + API + "/usage";
    add(
        usage,
        "foreign decision",
        Rule.REFERENCE,
        Kind.DECISION,
        View.STATUS,
        r ->
            send(r, "POST", "/usage", usageReport(r.id(), r.own().model))
                .with("Idempotency-Key", r.freshId()));
    add(
        usage,
        "foreign idempotency key",
        Rule.REFERENCE,
        Kind.USAGE_KEY,
        View.STATUS,
        r ->
            send(r, "POST", "/usage", usageReport(r.freshUuid(), r.own().model))
                .with("Idempotency-Key", r.id()));
  }

  private void policy() {
    ambient("GET " + API + "/policy/settings", "draft", r -> get(r, "/policy/settings"));
    ambient(
        "PUT " + API + "/policy/settings",
        "invalid",
        r -> send(r, "PUT", "/policy/settings", "{\"residency\":{\"secret\":[]}}"));
    ambient(
        "POST " + API + "/policy/impact",
        "since setup",
        r -> send(r, "POST", "/policy/impact", Map.of("from", since)));
    ambient("GET " + API + "/policy/revisions", "all", r -> get(r, "/policy/revisions"));
    String analyses = API + "/policy/impact/analyses";
    ambient(
        "POST " + analyses,
        "invalid",
        r -> send(r, "POST", "/policy/impact/analyses", "{\"from\":\"not a time\"}"));
    ambient("GET " + analyses, "all", r -> get(r, "/policy/impact/analyses?size=500"));
    single(
        "GET " + analyses + "/{id}",
        Kind.IMPACT_ANALYSIS,
        r -> get(r, "/policy/impact/analyses/" + r.id()));
    single(
        "POST " + analyses + "/{id}/cancel",
        Kind.IMPACT_ANALYSIS,
        r -> send(r, "POST", "/policy/impact/analyses/" + r.id() + "/cancel", null));
    single(
        "DELETE " + analyses + "/{id}",
        Kind.IMPACT_ANALYSIS,
        r -> send(r, "DELETE", "/policy/impact/analyses/" + r.id(), null));
    add(
        "POST " + API + "/policy/revisions",
        "publish",
        Rule.AMBIENT,
        null,
        View.STATUS,
        Set.of("alice", "olivia", "erin"),
        r -> send(r, "POST", "/policy/revisions", null));
    single(
        "POST " + API + "/policy/revisions/{number}/rollback",
        Kind.REVISION,
        r -> send(r, "POST", "/policy/revisions/" + r.id() + "/rollback", null));
  }

  private void approvals() {
    String requests = "GET " + API + "/approval-requests";
    ambient(requests, "all", r -> get(r, "/approval-requests?size=500"));
    add(
        requests,
        "team filter",
        Rule.REFERENCE,
        Kind.TEAM,
        View.BODY,
        r -> get(r, "/approval-requests?team=" + r.id()));
    add(
        requests,
        "pending of team",
        Rule.REFERENCE,
        Kind.TEAM,
        View.BODY,
        r -> get(r, "/approval-requests?status=pending&team=" + r.id()));
    String submit = "POST " + API + "/approval-requests";
    add(
        submit,
        "foreign model",
        Rule.REFERENCE,
        Kind.MODEL,
        View.STATUS,
        r ->
            send(
                r,
                "POST",
                "/approval-requests",
                approvalRequest(world.ownTeam(r.caller()), r.id())));
    add(
        submit,
        "foreign team",
        Rule.REFERENCE,
        Kind.TEAM,
        View.STATUS,
        r -> send(r, "POST", "/approval-requests", approvalRequest(r.id(), r.own().model)));
    single(
        "GET " + API + "/approval-requests/{id}",
        Kind.REQUEST,
        r -> get(r, "/approval-requests/" + r.id()));
    String decide = "POST " + API + "/approval-requests/{id}/decision";
    single(
        decide,
        Kind.REQUEST,
        r ->
            send(
                r,
                "POST",
                "/approval-requests/" + r.id() + "/decision",
                Map.of("outcome", "approve", "comment", "fuzz")));
    add(
        decide,
        "reject",
        Rule.SINGLE_OBJECT,
        Kind.REQUEST,
        View.STATUS,
        r ->
            send(
                r,
                "POST",
                "/approval-requests/" + r.id() + "/decision",
                Map.of("outcome", "reject", "comment", "fuzz")));
    single(
        "POST " + API + "/approval-requests/{id}/withdraw",
        Kind.REQUEST,
        r -> send(r, "POST", "/approval-requests/" + r.id() + "/withdraw", null));

    ambient("GET " + API + "/approvals", "all", r -> get(r, "/approvals?size=500"));
    add(
        "GET " + API + "/approvals",
        "team filter",
        Rule.REFERENCE,
        Kind.TEAM,
        View.BODY,
        r -> get(r, "/approvals?expiringWithinDays=3650&team=" + r.id()));
    single(
        "POST " + API + "/approvals/{id}/revoke",
        Kind.APPROVAL,
        r -> send(r, "POST", "/approvals/" + r.id() + "/revoke", Map.of("reason", "fuzz")));

    ambient("GET " + API + "/portability", "matrix", r -> get(r, "/portability"));
    add(
        "GET " + API + "/portability/what-if",
        "foreign vendor",
        Rule.REFERENCE,
        Kind.VENDOR,
        View.BODY,
        r -> get(r, "/portability/what-if?vendor=" + r.id()));
    ambient(
        "GET " + API + "/portability/what-if",
        "jurisdiction",
        r -> get(r, "/portability/what-if?jurisdiction=FR"));
    ambient(
        "GET " + API + "/portability/cut-offs", "upcoming", r -> get(r, "/portability/cut-offs"));
    ambient("GET " + API + "/notices", "all", r -> get(r, "/notices?size=500"));
  }

  /**
   * Exports and manifests read only the window since setup began. Filtered by a foreign team or
   * model they are compared by status only: the caller's own log legitimately holds decisions other
   * probes asked for with those very names.
   */
  private void audit() {
    for (String log : List.of("decisions", "usage")) {
      String export = "GET " + API + "/audit/" + log;
      ambient(export, "ndjson", r -> export(r, "/audit/" + log + "?format=ndjson&from=" + since));
      ambient(
          export,
          "csv",
          r -> export(r, "/audit/" + log + "?from=" + since).with("Accept", "text/csv"));
      add(
          export,
          "team filter",
          Rule.REFERENCE,
          Kind.TEAM,
          View.STATUS,
          r -> export(r, "/audit/" + log + "?format=ndjson&from=" + since + "&team=" + r.id()));
      add(
          export,
          "model filter",
          Rule.REFERENCE,
          Kind.MODEL,
          View.STATUS,
          r -> export(r, "/audit/" + log + "?format=csv&from=" + since + "&model=" + r.id()));
      String manifest = "GET " + API + "/audit/" + log + "/manifest";
      ambient(manifest, "window", r -> get(r, "/audit/" + log + "/manifest?from=" + since));
      add(
          manifest,
          "team filter",
          Rule.REFERENCE,
          Kind.TEAM,
          View.STATUS,
          r -> get(r, "/audit/" + log + "/manifest?from=" + since + "&team=" + r.id()));
    }
    String search = "GET " + API + "/audit/decisions/search";
    ambient(search, "window", r -> get(r, "/audit/decisions/search?size=500&from=" + since));
    add(
        search,
        "team filter",
        Rule.REFERENCE,
        Kind.TEAM,
        View.STATUS,
        r -> get(r, "/audit/decisions/search?from=" + since + "&team=" + r.id()));
    add(
        search,
        "model filter",
        Rule.REFERENCE,
        Kind.MODEL,
        View.STATUS,
        r -> get(r, "/audit/decisions/search?from=" + since + "&model=" + r.id()));
    // Gateway decisions only: a sidecar upload may file a decision of the caller's own under a
    // foreign id.
    single(
        "GET " + API + "/audit/decisions/{id}",
        Kind.DECISION,
        r -> get(r, "/audit/decisions/" + r.id()));
    ambient(
        "GET " + API + "/audit/changes",
        "ndjson",
        r -> export(r, "/audit/changes?format=ndjson&from=" + since));
    ambient(
        "GET " + API + "/audit/changes",
        "csv",
        r -> export(r, "/audit/changes?format=csv&from=" + since));
    ambient(
        "GET " + API + "/audit/changes/manifest",
        "window",
        r -> get(r, "/audit/changes/manifest?from=" + since));
    for (String log : List.of("decisions", "changes", "usage")) {
      ambient(
          "GET " + API + "/audit/verify",
          log,
          r -> get(r, "/audit/verify?log=" + log + "&from=" + since));
    }
    ambient(
        "POST " + API + "/audit/retention",
        "invalid",
        r -> send(r, "POST", "/audit/retention", "{}"));
    ambient("GET " + API + "/audit/retention", "policy", r -> get(r, "/audit/retention"));
    ambient(
        "PUT " + API + "/audit/retention",
        "invalid",
        r -> send(r, "PUT", "/audit/retention", Map.of("usageDays", -1)));
  }

  private void rest() {
    ambient("GET " + API + "/webhook", "get", r -> get(r, "/webhook"));
    ambient(
        "PUT " + API + "/webhook",
        "invalid",
        r -> send(r, "PUT", "/webhook", Map.of("url", "not a url")));
    add(
        "DELETE " + API + "/webhook",
        "delete",
        Rule.AMBIENT,
        null,
        View.STATUS,
        Set.of("dave"),
        r -> send(r, "DELETE", "/webhook", null));
    ambient(
        "GET " + API + "/webhook/deliveries", "all", r -> get(r, "/webhook/deliveries?size=500"));
    ambient("GET " + API + "/tenants", "list", r -> get(r, "/tenants"));

    ambient("GET " + API + "/gateways", "list", r -> get(r, "/gateways"));
    add(
        "POST " + API + "/gateways",
        "foreign id",
        Rule.CREATE_OWN,
        Kind.GATEWAY,
        View.STATUS,
        r ->
            send(r, "POST", "/gateways", Map.of("id", r.id(), "description", "fuzz"))
                .cleanup(API + "/gateways/" + r.id()));
    single(
        "POST " + API + "/gateways/{id}/rotate-secret",
        Kind.GATEWAY,
        r -> send(r, "POST", "/gateways/" + r.id() + "/rotate-secret", null));
    single(
        "DELETE " + API + "/gateways/{id}",
        Kind.GATEWAY,
        r -> send(r, "DELETE", "/gateways/" + r.id(), null));

    ambient("GET " + API + "/bundle-signing/keys", "list", r -> get(r, "/bundle-signing/keys"));
    // Not a time: nothing rotates (a valid body would change the key the tenant's sidecars trust).
    ambient(
        "POST " + API + "/bundle-signing/keys",
        "invalid",
        r -> send(r, "POST", "/bundle-signing/keys", Map.of("activeFrom", "never")));
  }

  // ---- bodies ----

  private Map<String, Object> approvalRequest(String team, String model) {
    return Map.of(
        "team",
        team,
        "model",
        model,
        "purpose",
        "chat",
        "maxDataClassification",
        "internal",
        "regions",
        List.of("eu"),
        "justification",
        "fuzz");
  }

  private static Map<String, Object> usageReport(String decisionId, String model) {
    return Map.of(
        "decisionId",
        decisionId,
        "model",
        model,
        "inputTokens",
        1,
        "outputTokens",
        1,
        "latencyMs",
        1);
  }

  private Call authRequest(Request r, String team, String model) {
    return get(r, "/decisions/auth-request")
        .with("X-Portolan-Team", team)
        .with("X-Portolan-Model", model)
        .with("X-Portolan-Purpose", "chat")
        .with("X-Portolan-Data-Classification", "internal")
        .with("X-Portolan-Region", "eu");
  }

  // ---- table building ----

  private Call get(Request r, String path) {
    return world.call(r.caller(), "GET", API + path, null);
  }

  /** Exports are CSV or NDJSON: an Accept of JSON alone would get 406 and read nothing. */
  private Call export(Request r, String path) {
    return get(r, path).with("Accept", "*/*");
  }

  private Call send(Request r, String method, String path, Object body) {
    return world.call(r.caller(), method, API + path, body);
  }

  private void single(String operation, Kind kind, Builder builder) {
    add(operation, "by id", Rule.SINGLE_OBJECT, kind, View.STATUS, builder);
  }

  private void ambient(String operation, String name, Builder builder) {
    add(operation, name, Rule.AMBIENT, null, View.STATUS, builder);
  }

  private void add(
      String operation, String name, Rule rule, Kind kind, View view, Builder builder) {
    add(operation, name, rule, kind, view, Set.of(), builder);
  }

  private void add(
      String operation,
      String name,
      Rule rule,
      Kind kind,
      View view,
      Set<String> neverBy,
      Builder builder) {
    table
        .computeIfAbsent(operation, o -> new ArrayList<>())
        .add(new Probe(operation, name, rule, kind, view, neverBy, builder));
  }
}
