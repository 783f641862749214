package io.portolan.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.it.TenantIsolationHttp.Answer;
import io.portolan.it.TenantIsolationHttp.Call;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects the fuzz attacks: a known set in acme and in globex, created through the API, each id
 * unique to this run ({@code fz-<run>-a-…}) and each text field carrying a marker ({@code
 * fzm<run>a…}) that no request ever sends, so a marker in an answer or a row of the other tenant
 * can only be a leak.
 */
final class TenantIsolationWorld {
  /** The kinds of id a request can name. */
  // SIDECAR_DECISION: decisions only named by sidecar uploads. Decision ids are per tenant, so an
  // upload naming another tenant's id files a decision of the caller's own with that id; usage
  // probes use other decisions, whose ids stay foreign to the caller.
  enum Kind {
    VENDOR,
    MODEL,
    DEPLOYMENT,
    TEAM,
    CAPABILITY,
    REQUEST,
    APPROVAL,
    DECISION,
    SIDECAR_DECISION,
    REVISION,
    USAGE_KEY,
    GATEWAY,
    IMPACT_ANALYSIS,
    PRICE,
    BUDGET,
    ALIAS
  }

  private static final SecureRandom FRESH = new SecureRandom();

  /** One tenant: its callers and what was created in it. */
  static final class Tenant {
    final String name;
    final String letter;
    final List<String> callers;
    final String officer;
    final String gateway;
    final Map<Kind, List<String>> ids = new EnumMap<>(Kind.class);
    final List<String> markers = new ArrayList<>();

    /**
     * Creation bodies, by id: a probe that rewrites one of our own objects sends it back unchanged
     * but for one field.
     */
    final Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();

    String vendor;
    String model;
    String spareModel;
    String team;

    Tenant(String name, List<String> callers, String officer, String gateway) {
      this.name = name;
      this.letter = name.substring(0, 1);
      this.callers = callers;
      this.officer = officer;
      this.gateway = gateway;
      for (Kind kind : Kind.values()) {
        ids.put(kind, new ArrayList<>());
      }
    }

    /**
     * Ids and markers that must never reach the other tenant (revision numbers are not unique
     * strings).
     */
    List<String> secrets() {
      List<String> all = new ArrayList<>(markers);
      ids.forEach(
          (kind, values) -> {
            if (kind != Kind.REVISION) all.addAll(values);
          });
      return all;
    }

    /** Every id of this run's objects of this tenant, for the database checks. */
    List<String> idsOf(Kind... kinds) {
      List<String> all = new ArrayList<>();
      for (Kind kind : kinds) all.addAll(ids.get(kind));
      return all;
    }
  }

  final String run = hex(4);
  final TenantIsolationHttp http;
  final Tenant acme =
      new Tenant(
          "acme",
          List.of("alice", "olivia", "bob", "carol", "dave", "acme-gateway"),
          "alice",
          "acme-gateway");
  final Tenant globex =
      new Tenant("globex", List.of("erin", "frank", "globex-gateway"), "erin", "globex-gateway");

  /**
   * The database's clock when setup began: rows changed since then are the ones the run could have
   * touched.
   */
  Instant start;

  TenantIsolationWorld(TenantIsolationHttp http) {
    this.http = http;
  }

  Tenant of(String caller) {
    return acme.callers.contains(caller) ? acme : globex;
  }

  Tenant other(Tenant tenant) {
    return tenant == acme ? globex : acme;
  }

  List<String> callers() {
    List<String> all = new ArrayList<>(acme.callers);
    all.addAll(globex.callers);
    return all;
  }

  /** The team a caller may name in its own requests: requesters are bound to theirs. */
  String ownTeam(String caller) {
    return switch (caller) {
      case "bob" -> "research";
      case "frank" -> "support";
      default -> of(caller).team;
    };
  }

  String id(Tenant tenant, String what) {
    return "fz-" + run + "-" + tenant.letter + "-" + what + "-" + hex(2);
  }

  /** An id of the same shape that exists nowhere. */
  String nowhere(String what) {
    return "fz-" + run + "-nx-" + what + "-" + hex(3);
  }

  private String marker(Tenant tenant) {
    String marker = "fzm" + run + tenant.letter + hex(3);
    tenant.markers.add(marker);
    return marker;
  }

  static String hex(int bytes) {
    byte[] b = new byte[bytes];
    FRESH.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * Creates everything in both tenants. Globex has no tenant-admin, so its one team is inserted
   * directly and it has no gateway credential of its own (those are Keycloak clients).
   */
  void setUp() throws SQLException {
    try (Connection db = Stack.superuser();
        PreparedStatement now = db.prepareStatement("select now()");
        ResultSet r = now.executeQuery()) {
      r.next();
      start = r.getTimestamp(1).toInstant().minusSeconds(5);
    }
    inventory(acme);
    acme.team = id(acme, "team");
    send(
        call(
            "dave",
            "POST",
            "/api/v1/teams",
            Map.of("id", acme.team, "name", "Team " + marker(acme))),
        201);
    acme.ids.get(Kind.TEAM).add(acme.team);

    globex.team = id(globex, "team");
    try (Connection db = Stack.superuser();
        PreparedStatement insert =
            db.prepareStatement("insert into team (tenant_id, id, name) values ('globex', ?, ?)")) {
      insert.setString(1, globex.team);
      insert.setString(2, "Team " + marker(globex));
      insert.executeUpdate();
    }
    globex.ids.get(Kind.TEAM).add(globex.team);
    inventory(globex); // after the team: these changes reload globex's policy data, team included

    approve(acme, "dave", acme.team, List.of("alice", "olivia"));
    pending(acme, "dave", acme.team);
    approve(globex, "frank", "support", List.of("erin"));
    pending(globex, "erin", globex.team);
    for (Tenant tenant : List.of(acme, globex)) {
      spend(tenant);
    }
    decideAndReport(acme, acme.team);
    decideAndReport(globex, "support");
    decideAndReport(globex, globex.team);
    decideForSidecarProbes(acme, acme.team);
    decideForSidecarProbes(globex, globex.team);
    revisionsOnlyTheOtherHas();
    for (Tenant tenant : List.of(acme, globex)) {
      JsonNode analysis =
          send(
              call(
                  tenant.officer,
                  "POST",
                  "/api/v1/policy/impact/analyses",
                  Map.of("from", start.toString())),
              202);
      tenant.ids.get(Kind.IMPACT_ANALYSIS).add(analysis.get("id").asText());
    }

    String gateway = id(acme, "gw");
    send(
        call(
            "dave",
            "POST",
            "/api/v1/gateways",
            Map.of("id", gateway, "description", "Gateway " + marker(acme))),
        201);
    acme.ids.get(Kind.GATEWAY).add(gateway);
  }

  /** Removes the gateway credential: a Keycloak client, which no database check would see. */
  void tearDown() {
    for (String gateway : acme.ids.get(Kind.GATEWAY)) {
      http.send(call("dave", "DELETE", "/api/v1/gateways/" + gateway, null));
    }
  }

  private void inventory(Tenant tenant) {
    tenant.vendor = id(tenant, "vendor");
    Map<String, Object> vendor = Fixtures.vendor(tenant.vendor, "FR");
    vendor.put("name", "Vendor " + marker(tenant));
    send(call(tenant.officer, "POST", "/api/v1/vendors", vendor), 201);
    String suspended = id(tenant, "vendor");
    Map<String, Object> off = Fixtures.vendor(suspended, "DE");
    off.put("name", "Vendor " + marker(tenant));
    off.put("suspended", true);
    off.put("suspensionReason", "Suspended " + marker(tenant));
    send(call(tenant.officer, "POST", "/api/v1/vendors", off), 201);
    tenant.ids.get(Kind.VENDOR).addAll(List.of(tenant.vendor, suspended));

    String capability = id(tenant, "cap");
    tenant.ids.get(Kind.CAPABILITY).add(capability);
    tenant.model = model(tenant, "approved", capability);
    tenant.spareModel = model(tenant, "proposed", capability);
    String deployment = id(tenant, "deployment");
    Map<String, Object> runs = DeploymentIT.deployment(deployment, tenant.model);
    runs.put("endpoint", "https://" + marker(tenant) + ".example/v1");
    send(call(tenant.officer, "POST", "/api/v1/deployments", runs), 201);
    tenant.ids.get(Kind.DEPLOYMENT).add(deployment);
    String alias = id(tenant, "alias");
    send(
        call(
            tenant.officer,
            "POST",
            "/api/v1/aliases",
            alias(alias, tenant.model, deployment, "Alias " + marker(tenant))),
        201);
    tenant.ids.get(Kind.ALIAS).add(alias);
  }

  /** An alias with one candidate (the deployment may be null). */
  static Map<String, Object> alias(String id, String model, String deployment, String description) {
    Map<String, Object> candidate = new LinkedHashMap<>();
    candidate.put("model", model);
    if (deployment != null) {
      candidate.put("deployment", deployment);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("description", description);
    body.put("candidates", List.of(candidate));
    return body;
  }

  /** A price of the tenant's model and a budget of its team: spend and budgets to keep apart. */
  private void spend(Tenant tenant) {
    JsonNode price =
        send(
            call(
                tenant.officer,
                "POST",
                "/api/v1/prices",
                Map.of(
                    "model",
                    tenant.model,
                    "currency",
                    "EUR",
                    "inputPerMillion",
                    1.5,
                    "outputPerMillion",
                    6,
                    "validFrom",
                    start.toString())),
            201);
    tenant.ids.get(Kind.PRICE).add(price.get("id").asText());
    JsonNode budget =
        send(
            call(
                tenant.officer,
                "POST",
                "/api/v1/budgets",
                Map.of("team", tenant.team, "currency", "EUR", "monthlyLimit", 1000)),
            201);
    tenant.ids.get(Kind.BUDGET).add(budget.get("id").asText());
  }

  private String model(Tenant tenant, String status, String capability) {
    String id = id(tenant, "model");
    Map<String, Object> body = Fixtures.model(id, tenant.vendor, status);
    body.put("displayName", "Model " + marker(tenant));
    body.put("licence", "Licence " + marker(tenant));
    body.put("capabilities", List.of(capability));
    send(call(tenant.officer, "POST", "/api/v1/models", body), 201);
    tenant.ids.get(Kind.MODEL).add(id);
    tenant.bodies.put(id, body);
    return id;
  }

  private Map<String, Object> request(Tenant tenant, String team) {
    return Map.of(
        "team",
        team,
        "model",
        tenant.model,
        "purpose",
        "chat",
        "maxDataClassification",
        "internal",
        "regions",
        List.of("eu"),
        "justification",
        "Because " + marker(tenant));
  }

  /** A request approved by as many officers as it needs; remembers the request and the approval. */
  private void approve(Tenant tenant, String requester, String team, List<String> officers) {
    JsonNode submitted =
        send(call(requester, "POST", "/api/v1/approval-requests", request(tenant, team)), 201);
    String id = submitted.get("id").asText();
    tenant.ids.get(Kind.REQUEST).add(id);
    int required = submitted.get("requiredApprovals").asInt();
    if (required > officers.size()) {
      throw new IllegalStateException(
          "setup: "
              + tenant.name
              + " rates the request high risk ("
              + required
              + " approvals) but has officers "
              + officers
              + ": "
              + submitted);
    }
    JsonNode decided = submitted;
    for (int i = 0; i < required; i++) {
      decided =
          send(
              call(
                  officers.get(i),
                  "POST",
                  "/api/v1/approval-requests/" + id + "/decision",
                  Map.of("outcome", "approve", "comment", "Fine " + marker(tenant))),
              200);
    }
    if (!"approved".equals(decided.get("status").asText()) || decided.get("approvalId").isNull()) {
      throw new IllegalStateException(
          "setup: " + tenant.name + " request not approved: " + decided);
    }
    tenant.ids.get(Kind.APPROVAL).add(decided.get("approvalId").asText());
  }

  private void pending(Tenant tenant, String requester, String team) {
    JsonNode submitted =
        send(call(requester, "POST", "/api/v1/approval-requests", request(tenant, team)), 201);
    tenant.ids.get(Kind.REQUEST).add(submitted.get("id").asText());
  }

  private void decideForSidecarProbes(Tenant tenant, String team) {
    JsonNode decision =
        send(
            call(
                tenant.gateway, "POST", "/api/v1/decisions", Fixtures.decision(team, tenant.model)),
            200);
    tenant.ids.get(Kind.SIDECAR_DECISION).add(decision.get("decisionId").asText());
  }

  private void decideAndReport(Tenant tenant, String team) {
    JsonNode decision =
        send(
            call(
                tenant.gateway, "POST", "/api/v1/decisions", Fixtures.decision(team, tenant.model)),
            200);
    String decisionId = decision.get("decisionId").asText();
    tenant.ids.get(Kind.DECISION).add(decisionId);
    String key = id(tenant, "usage");
    tenant.ids.get(Kind.USAGE_KEY).add(key);
    send(
        call(
                tenant.gateway,
                "POST",
                "/api/v1/usage",
                Map.of(
                    "decisionId",
                    decisionId,
                    "model",
                    tenant.model,
                    "inputTokens",
                    11,
                    "outputTokens",
                    7,
                    "latencyMs",
                    5))
            .with("Idempotency-Key", key),
        201);
  }

  /**
   * Policy revision numbers count per tenant, so only numbers the other tenant has and this one
   * will not reach during the run (a margin of 20) can probe rollback across tenants.
   */
  private void revisionsOnlyTheOtherHas() throws SQLException {
    try (Connection db = Stack.superuser();
        PreparedStatement query =
            db.prepareStatement(
                "select number from policy_revision where tenant_id = ? and number > (select"
                    + " coalesce(max(number), 0) + 20 from policy_revision where tenant_id = ?)"
                    + " order by number")) {
      for (Tenant tenant : List.of(acme, globex)) {
        query.setString(1, tenant.name);
        query.setString(2, other(tenant).name);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) tenant.ids.get(Kind.REVISION).add(Integer.toString(rows.getInt(1)));
        }
      }
    }
  }

  /**
   * @param body a String is sent as is, anything else as JSON
   */
  Call call(String caller, String method, String path, Object body) {
    try {
      String text =
          body == null || body instanceof String
              ? (String) body
              : Stack.JSON.writeValueAsString(body);
      return TenantIsolationHttp.call(caller, method, path, text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode send(Call call, int expected) {
    Answer answer = http.send(call);
    if (answer.status() != expected) {
      throw new IllegalStateException(
          "setup failed " + call.describe() + " -> " + answer.describe());
    }
    return answer.json();
  }

  // ---- the database, read as superuser ----

  /** The rows this run created in a tenant, as JSON text, table by table. */
  Map<String, List<String>> snapshot(Tenant tenant) throws SQLException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    try (Connection db = Stack.superuser()) {
      rows.put("vendor", rows(db, "vendor", "id", tenant, tenant.idsOf(Kind.VENDOR)));
      rows.put("model", rows(db, "model", "id", tenant, tenant.idsOf(Kind.MODEL)));
      rows.put("deployment", rows(db, "deployment", "id", tenant, tenant.idsOf(Kind.DEPLOYMENT)));
      rows.put("alias", rows(db, "alias", "id", tenant, tenant.idsOf(Kind.ALIAS)));
      rows.put("price", rows(db, "price", "id", tenant, tenant.idsOf(Kind.PRICE)));
      rows.put("budget", rows(db, "budget", "id", tenant, tenant.idsOf(Kind.BUDGET)));
      rows.put("team", rows(db, "team", "id", tenant, tenant.idsOf(Kind.TEAM)));
      rows.put(
          "approval_request",
          rows(db, "approval_request", "id", tenant, tenant.idsOf(Kind.REQUEST)));
      rows.put(
          "approval_request_event",
          rows(db, "approval_request_event", "request_id", tenant, tenant.idsOf(Kind.REQUEST)));
      rows.put("approval", rows(db, "approval", "id", tenant, tenant.idsOf(Kind.APPROVAL)));
      rows.put(
          "decision_log",
          rows(
              db,
              "decision_log",
              "id",
              tenant,
              tenant.idsOf(Kind.DECISION, Kind.SIDECAR_DECISION)));
      rows.put(
          "usage_record",
          rows(db, "usage_record", "decision_id", tenant, tenant.idsOf(Kind.DECISION)));
      rows.put(
          "usage_report",
          rows(db, "usage_report", "idempotency_key", tenant, tenant.idsOf(Kind.USAGE_KEY)));
    }
    return rows;
  }

  private static List<String> rows(
      Connection db, String table, String column, Tenant tenant, List<String> ids)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select row_to_json(t)::text from "
                + table
                + " t where tenant_id = ? and "
                + column
                + "::text = any(?) order by 1")) {
      query.setString(1, tenant.name);
      query.setArray(2, db.createArrayOf("text", ids.toArray()));
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) rows.add(r.getString(1));
      }
    }
    return rows;
  }

  /**
   * Rows of any other tenant that carry one of this tenant's markers: a copy of its data. Only rows
   * written since setup began are read, where a table says when a row was written.
   */
  List<String> markersElsewhere(Tenant tenant) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection db = Stack.superuser()) {
      for (var table : tablesWithTenant(db).entrySet()) {
        String since = table.getValue() == null ? "" : " and " + table.getValue() + " >= ?";
        try (PreparedStatement query =
            db.prepareStatement(
                "select tenant_id, row_to_json(t)::text from "
                    + table.getKey()
                    + " t where tenant_id <> ?"
                    + since
                    + " and row_to_json(t)::text like ? limit 5")) {
          query.setString(1, tenant.name);
          int next = 2;
          if (table.getValue() != null) query.setTimestamp(next++, java.sql.Timestamp.from(start));
          query.setString(next, "%fzm" + run + tenant.letter + "%");
          try (ResultSet r = query.executeQuery()) {
            while (r.next())
              found.add(table.getKey() + " row of " + r.getString(1) + ": " + r.getString(2));
          }
        }
      }
    }
    return found;
  }

  /** Each table with a tenant_id, and the column saying when a row was last written (or null). */
  private static Map<String, String> tablesWithTenant(Connection db) throws SQLException {
    Map<String, String> tables = new LinkedHashMap<>();
    try (PreparedStatement query =
            db.prepareStatement(
                "select c.table_name, (select w.column_name from information_schema.columns w where"
                    + " w.table_schema = c.table_schema and w.table_name = c.table_name and"
                    + " w.column_name in ('updated_at', 'logged_at', 'reported_at', 'received_at',"
                    + " 'at', 'created_at') order by array_position(array['updated_at',"
                    + " 'logged_at', 'reported_at', 'received_at', 'at', 'created_at']::text[],"
                    + " w.column_name::text) limit 1) from information_schema.columns c join"
                    + " information_schema.tables t on t.table_schema = c.table_schema and"
                    + " t.table_name = c.table_name and t.table_type = 'BASE TABLE' where"
                    + " c.table_schema = 'public' and c.column_name = 'tenant_id' order by 1");
        ResultSet r = query.executeQuery()) {
      while (r.next()) tables.put(r.getString(1), r.getString(2));
    }
    return tables;
  }

  /**
   * Rows of any other tenant whose references (the columns the server checks against the inventory)
   * name one of this tenant's objects, and usage filed against another tenant's decision.
   */
  List<String> referencesElsewhere(Tenant tenant) throws SQLException {
    String[][] references = {
      {"vendor", "id"},
      {"model", "id"},
      {"model", "vendor_id"},
      {"team", "id"},
      {"approval_request", "team"},
      {"approval_request", "model"},
      {"approval_request", "id"},
      {"approval", "team"},
      {"approval", "model"},
      {"approval", "id"},
      {"approval", "request_id"},
      {"approval_request_event", "request_id"},
      {"usage_record", "decision_id"}
    };
    List<String> found = new ArrayList<>();
    try (Connection db = Stack.superuser()) {
      Array ids =
          db.createArrayOf(
              "text",
              tenant
                  .idsOf(
                      Kind.VENDOR,
                      Kind.MODEL,
                      Kind.TEAM,
                      Kind.REQUEST,
                      Kind.APPROVAL,
                      Kind.DECISION)
                  .toArray());
      for (String[] ref : references) {
        try (PreparedStatement query =
            db.prepareStatement(
                "select tenant_id, row_to_json(t)::text from "
                    + ref[0]
                    + " t where tenant_id <> ? and "
                    + ref[1]
                    + "::text = any(?) limit 5")) {
          query.setString(1, tenant.name);
          query.setArray(2, ids);
          try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
              found.add(
                  ref[0]
                      + "."
                      + ref[1]
                      + " of "
                      + r.getString(1)
                      + " names "
                      + tenant.name
                      + "'s object: "
                      + r.getString(2));
            }
          }
        }
      }
    }
    return found;
  }

  /** Usage of any tenant filed against a decision another tenant made. */
  static List<String> usageAcrossTenants() throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection db = Stack.superuser();
        PreparedStatement query =
            db.prepareStatement(
                "select u.tenant_id, d.tenant_id, u.decision_id::text from usage_record u join"
                    + " decision_log d on d.id = u.decision_id and d.tenant_id <> u.tenant_id where"
                    + " not exists (select 1 from decision_log own where own.tenant_id ="
                    + " u.tenant_id and own.id = u.decision_id) limit 5");
        ResultSet r = query.executeQuery()) {
      while (r.next()) {
        found.add(
            "usage of "
                + r.getString(1)
                + " names decision "
                + r.getString(3)
                + " of "
                + r.getString(2));
      }
    }
    return found;
  }
}
