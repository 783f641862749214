package io.portolan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the OpenAPI document against every role: allowed roles never get 401 or 403,
 * the others get 403, and no token gets 401. Requests are harmless: invalid bodies and missing ids,
 * so an allowed role gets 400 or 404 and nothing changes (publishing republishes the draft). An
 * endpoint without a row here fails {@link #everyEndpointHasARow()}.
 */
class RoleMatrixIT {
  private static final String GATEWAY = "gateway";
  private static final String PLATFORM_ADMIN = "platform-admin";
  private static final String OFFICER = "compliance-officer";
  private static final String ADMIN = "tenant-admin";
  private static final String REQUESTER = "requester";
  private static final String AUDITOR = "auditor";
  private static final Set<String> READERS = Set.of(REQUESTER, OFFICER, ADMIN, AUDITOR);
  private static final Set<String> CURATORS = Set.of(OFFICER, ADMIN);

  /** The demo identity that holds each role. */
  private static final Map<String, String> HOLDERS = new LinkedHashMap<>();

  static {
    HOLDERS.put(PLATFORM_ADMIN, "root");
    HOLDERS.put(OFFICER, "alice");
    HOLDERS.put(REQUESTER, "bob");
    HOLDERS.put(AUDITOR, "carol");
    HOLDERS.put(ADMIN, "dave");
    HOLDERS.put(GATEWAY, "acme-gateway");
  }

  record Row(String method, String template, String path, String body, Set<String> allowed) {}

  private static final String NO_SUCH = "no-such-item";
  private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";
  private static final List<Row> MATRIX =
      List.of(
          new Row("POST", "/api/v1/decisions", "/api/v1/decisions", "{}", Set.of(GATEWAY)),
          // No X-Portolan-* headers: the gateway gets 400, nothing is decided or logged.
          new Row(
              "GET",
              "/api/v1/decisions/auth-request",
              "/api/v1/decisions/auth-request",
              null,
              Set.of(GATEWAY)),
          new Row("GET", "/api/v1/models", "/api/v1/models", null, READERS),
          new Row("POST", "/api/v1/models", "/api/v1/models", "{}", CURATORS),
          new Row("GET", "/api/v1/models/{id}", "/api/v1/models/" + NO_SUCH, null, READERS),
          new Row("PUT", "/api/v1/models/{id}", "/api/v1/models/" + NO_SUCH, "{}", CURATORS),
          new Row("DELETE", "/api/v1/models/{id}", "/api/v1/models/" + NO_SUCH, null, CURATORS),
          new Row(
              "GET",
              "/api/v1/models/{id}/suspension-impact",
              "/api/v1/models/" + NO_SUCH + "/suspension-impact",
              null,
              CURATORS),
          new Row("GET", "/api/v1/deployments", "/api/v1/deployments", null, READERS),
          new Row("POST", "/api/v1/deployments", "/api/v1/deployments", "{}", CURATORS),
          new Row(
              "GET", "/api/v1/deployments/{id}", "/api/v1/deployments/" + NO_SUCH, null, READERS),
          new Row(
              "PUT", "/api/v1/deployments/{id}", "/api/v1/deployments/" + NO_SUCH, "{}", CURATORS),
          new Row(
              "DELETE",
              "/api/v1/deployments/{id}",
              "/api/v1/deployments/" + NO_SUCH,
              null,
              CURATORS),
          new Row(
              "GET",
              "/api/v1/deployments/{id}/suspension-impact",
              "/api/v1/deployments/" + NO_SUCH + "/suspension-impact",
              null,
              CURATORS),
          new Row("GET", "/api/v1/prices", "/api/v1/prices", null, READERS),
          new Row("POST", "/api/v1/prices", "/api/v1/prices", "{}", CURATORS),
          new Row("GET", "/api/v1/prices/{id}", "/api/v1/prices/" + NO_SUCH_ID, null, READERS),
          new Row("DELETE", "/api/v1/prices/{id}", "/api/v1/prices/" + NO_SUCH_ID, null, CURATORS),
          new Row("POST", "/api/v1/prices/import", "/api/v1/prices/import", "[]", CURATORS),
          new Row("GET", "/api/v1/aliases", "/api/v1/aliases", null, READERS),
          new Row("POST", "/api/v1/aliases", "/api/v1/aliases", "{}", CURATORS),
          new Row("GET", "/api/v1/aliases/{id}", "/api/v1/aliases/" + NO_SUCH, null, READERS),
          new Row("DELETE", "/api/v1/aliases/{id}", "/api/v1/aliases/" + NO_SUCH, null, CURATORS),
          new Row(
              "PUT",
              "/api/v1/aliases/{id}/draft",
              "/api/v1/aliases/" + NO_SUCH + "/draft",
              "{}",
              CURATORS),
          new Row(
              "DELETE",
              "/api/v1/aliases/{id}/draft",
              "/api/v1/aliases/" + NO_SUCH + "/draft",
              null,
              CURATORS),
          new Row(
              "GET",
              "/api/v1/aliases/{id}/impact",
              "/api/v1/aliases/" + NO_SUCH + "/impact",
              null,
              Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row(
              "GET",
              "/api/v1/aliases/{id}/resolution",
              "/api/v1/aliases/" + NO_SUCH + "/resolution",
              null,
              READERS),
          new Row(
              "POST",
              "/api/v1/aliases/{id}/publish",
              "/api/v1/aliases/" + NO_SUCH + "/publish",
              null,
              CURATORS),
          new Row(
              "GET", "/api/v1/budgets", "/api/v1/budgets", null, Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row("POST", "/api/v1/budgets", "/api/v1/budgets", "{}", CURATORS),
          new Row(
              "GET",
              "/api/v1/budgets/{id}",
              "/api/v1/budgets/" + NO_SUCH_ID,
              null,
              Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row("PUT", "/api/v1/budgets/{id}", "/api/v1/budgets/" + NO_SUCH_ID, "{}", CURATORS),
          new Row(
              "DELETE", "/api/v1/budgets/{id}", "/api/v1/budgets/" + NO_SUCH_ID, null, CURATORS),
          new Row(
              "GET",
              "/api/v1/spend/dependency",
              "/api/v1/spend/dependency?groupBy=planet",
              null,
              Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row(
              "GET",
              "/api/v1/spend/ceilings",
              "/api/v1/spend/ceilings",
              null,
              Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row("PUT", "/api/v1/spend/ceilings", "/api/v1/spend/ceilings", "{}", CURATORS),
          new Row(
              "GET",
              "/api/v1/spend",
              "/api/v1/spend?model=" + NO_SUCH,
              null,
              Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row("GET", "/api/v1/vendors", "/api/v1/vendors", null, READERS),
          new Row(
              "GET",
              "/api/v1/vendors/{id}/suspension-impact",
              "/api/v1/vendors/" + NO_SUCH + "/suspension-impact",
              null,
              CURATORS),
          new Row("POST", "/api/v1/vendors", "/api/v1/vendors", "{}", CURATORS),
          new Row("GET", "/api/v1/vendors/{id}", "/api/v1/vendors/" + NO_SUCH, null, READERS),
          new Row("PUT", "/api/v1/vendors/{id}", "/api/v1/vendors/" + NO_SUCH, "{}", CURATORS),
          new Row("DELETE", "/api/v1/vendors/{id}", "/api/v1/vendors/" + NO_SUCH, null, CURATORS),
          new Row("GET", "/api/v1/teams", "/api/v1/teams", null, READERS),
          new Row("POST", "/api/v1/teams", "/api/v1/teams", "{}", Set.of(ADMIN)),
          new Row("GET", "/api/v1/teams/{id}", "/api/v1/teams/" + NO_SUCH, null, READERS),
          new Row("PUT", "/api/v1/teams/{id}", "/api/v1/teams/" + NO_SUCH, "{}", Set.of(ADMIN)),
          new Row("DELETE", "/api/v1/teams/{id}", "/api/v1/teams/" + NO_SUCH, null, Set.of(ADMIN)),
          new Row(
              "GET",
              "/api/v1/teams/{team}/models",
              "/api/v1/teams/research/models?purpose=chat&dataClassification=internal&region=eu",
              null,
              Set.of(GATEWAY, REQUESTER, OFFICER, ADMIN, AUDITOR)),
          new Row("GET", "/api/v1/policy/settings", "/api/v1/policy/settings", null, READERS),
          new Row(
              "PUT",
              "/api/v1/policy/settings",
              "/api/v1/policy/settings",
              "{\"residency\":{\"secret\":[]}}",
              CURATORS),
          new Row(
              "POST",
              "/api/v1/policy/impact",
              "/api/v1/policy/impact",
              "{\"from\":\"not a time\"}",
              CURATORS),
          new Row(
              "POST",
              "/api/v1/policy/impact/analyses",
              "/api/v1/policy/impact/analyses",
              "{\"from\":\"not a time\"}",
              CURATORS),
          new Row(
              "GET",
              "/api/v1/policy/impact/analyses",
              "/api/v1/policy/impact/analyses",
              null,
              CURATORS),
          new Row(
              "GET",
              "/api/v1/policy/impact/analyses/{id}",
              "/api/v1/policy/impact/analyses/" + NO_SUCH_ID,
              null,
              CURATORS),
          new Row(
              "POST",
              "/api/v1/policy/impact/analyses/{id}/cancel",
              "/api/v1/policy/impact/analyses/" + NO_SUCH_ID + "/cancel",
              null,
              CURATORS),
          new Row(
              "DELETE",
              "/api/v1/policy/impact/analyses/{id}",
              "/api/v1/policy/impact/analyses/" + NO_SUCH_ID,
              null,
              CURATORS),
          new Row(
              "GET",
              "/api/v1/policy/revisions",
              "/api/v1/policy/revisions",
              null,
              Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row(
              "POST",
              "/api/v1/policy/revisions",
              "/api/v1/policy/revisions",
              null,
              Set.of(OFFICER)),
          new Row(
              "POST",
              "/api/v1/policy/revisions/{number}/rollback",
              "/api/v1/policy/revisions/999999/rollback",
              null,
              Set.of(OFFICER)),
          new Row(
              "POST",
              "/api/v1/opa/decision-logs",
              "/api/v1/opa/decision-logs",
              "[]",
              Set.of(GATEWAY)),
          new Row("GET", "/api/v1/approval-requests", "/api/v1/approval-requests", null, READERS),
          new Row(
              "POST",
              "/api/v1/approval-requests",
              "/api/v1/approval-requests",
              "{}",
              Set.of(REQUESTER, OFFICER, ADMIN)),
          new Row(
              "GET",
              "/api/v1/approval-requests/{id}",
              "/api/v1/approval-requests/" + NO_SUCH_ID,
              null,
              READERS),
          new Row(
              "POST",
              "/api/v1/approval-requests/{id}/decision",
              "/api/v1/approval-requests/" + NO_SUCH_ID + "/decision",
              "{}",
              Set.of(OFFICER)),
          new Row(
              "POST",
              "/api/v1/approval-requests/{id}/withdraw",
              "/api/v1/approval-requests/" + NO_SUCH_ID + "/withdraw",
              null,
              Set.of(REQUESTER, OFFICER, ADMIN)),
          new Row("GET", "/api/v1/approvals", "/api/v1/approvals", null, READERS),
          new Row(
              "POST",
              "/api/v1/approvals/{id}/revoke",
              "/api/v1/approvals/" + NO_SUCH_ID + "/revoke",
              "{}",
              Set.of(OFFICER)),
          new Row(
              "GET",
              "/api/v1/portability",
              "/api/v1/portability",
              null,
              Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row(
              "GET",
              "/api/v1/portability/what-if",
              "/api/v1/portability/what-if?vendor=openai",
              null,
              Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row("GET", "/api/v1/notices", "/api/v1/notices", null, READERS),
          new Row(
              "GET",
              "/api/v1/portability/cut-offs",
              "/api/v1/portability/cut-offs",
              null,
              Set.of(OFFICER, ADMIN, AUDITOR)),
          new Row(
              "GET",
              "/api/v1/audit/decisions",
              "/api/v1/audit/decisions?model=" + NO_SUCH,
              null,
              Set.of(AUDITOR, ADMIN)),
          new Row(
              "GET",
              "/api/v1/audit/decisions/search",
              "/api/v1/audit/decisions/search?model=" + NO_SUCH,
              null,
              Set.of(AUDITOR, ADMIN, OFFICER)),
          new Row(
              "GET",
              "/api/v1/audit/decisions/{id}",
              "/api/v1/audit/decisions/" + NO_SUCH_ID,
              null,
              Set.of(AUDITOR, ADMIN, OFFICER)),
          // An empty body: the allowed roles get 400, nothing is decided or logged.
          new Row(
              "POST",
              "/api/v1/decisions/try",
              "/api/v1/decisions/try",
              "{}",
              Set.of(OFFICER, ADMIN)),
          new Row(
              "GET",
              "/api/v1/audit/changes",
              "/api/v1/audit/changes?from=2099-01-01T00:00:00Z",
              null,
              Set.of(AUDITOR, ADMIN)),
          new Row(
              "GET",
              "/api/v1/audit/usage",
              "/api/v1/audit/usage?from=2099-01-01T00:00:00Z",
              null,
              Set.of(AUDITOR, ADMIN)),
          new Row(
              "GET",
              "/api/v1/audit/decisions/manifest",
              "/api/v1/audit/decisions/manifest",
              null,
              Set.of(AUDITOR, ADMIN)),
          new Row(
              "GET",
              "/api/v1/audit/verify",
              "/api/v1/audit/verify?from=2099-01-01T00:00:00Z",
              null,
              Set.of(AUDITOR, ADMIN)),
          new Row("POST", "/api/v1/usage", "/api/v1/usage", "{}", Set.of(GATEWAY)),
          new Row("GET", "/api/v1/webhook", "/api/v1/webhook", null, Set.of(ADMIN, OFFICER)),
          new Row("PUT", "/api/v1/webhook", "/api/v1/webhook", "{}", Set.of(ADMIN)),
          new Row("DELETE", "/api/v1/webhook", "/api/v1/webhook", null, Set.of(ADMIN)),
          new Row(
              "GET",
              "/api/v1/webhook/deliveries",
              "/api/v1/webhook/deliveries",
              null,
              Set.of(ADMIN, OFFICER)),
          new Row(
              "GET",
              "/api/v1/audit/changes/manifest",
              "/api/v1/audit/changes/manifest",
              null,
              Set.of(AUDITOR, ADMIN)),
          new Row(
              "GET",
              "/api/v1/audit/usage/manifest",
              "/api/v1/audit/usage/manifest",
              null,
              Set.of(AUDITOR, ADMIN)),
          new Row(
              "POST", "/api/v1/audit/retention", "/api/v1/audit/retention", "{}", Set.of(ADMIN)),
          new Row(
              "GET",
              "/api/v1/audit/retention",
              "/api/v1/audit/retention",
              null,
              Set.of(AUDITOR, ADMIN)),
          // An invalid policy: the allowed role gets 400 and nothing changes.
          new Row(
              "PUT",
              "/api/v1/audit/retention",
              "/api/v1/audit/retention",
              "{\"decisionsDays\": -1}",
              Set.of(ADMIN)),
          new Row("GET", "/api/v1/gateways", "/api/v1/gateways", null, Set.of(ADMIN, AUDITOR)),
          new Row("POST", "/api/v1/gateways", "/api/v1/gateways", "{}", Set.of(ADMIN)),
          new Row(
              "POST",
              "/api/v1/gateways/{id}/rotate-secret",
              "/api/v1/gateways/" + NO_SUCH + "/rotate-secret",
              null,
              Set.of(ADMIN)),
          new Row(
              "DELETE",
              "/api/v1/gateways/{id}",
              "/api/v1/gateways/" + NO_SUCH,
              null,
              Set.of(ADMIN)),
          new Row(
              "GET",
              "/api/v1/bundle-signing/keys",
              "/api/v1/bundle-signing/keys",
              null,
              Set.of(ADMIN, AUDITOR)),
          // Not a time: the admin gets 400 and no key is added (a valid body would rotate the key).
          new Row(
              "POST",
              "/api/v1/bundle-signing/keys",
              "/api/v1/bundle-signing/keys",
              "{\"activeFrom\":\"never\"}",
              Set.of(ADMIN)),
          new Row("GET", "/api/v1/tenants", "/api/v1/tenants", null, Set.of(PLATFORM_ADMIN)));

  @Test
  void everyEndpointHasARow() throws Exception {
    HttpResponse<String> response =
        Stack.exchange(
            HttpRequest.newBuilder(URI.create(Stack.BASE + "/openapi"))
                .header("Accept", "application/json")
                .build());
    Set<String> documented = new TreeSet<>();
    JsonNode paths = Stack.JSON.readTree(response.body()).get("paths");
    paths
        .fieldNames()
        .forEachRemaining(
            path ->
                paths
                    .get(path)
                    .fieldNames()
                    .forEachRemaining(
                        method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
    Set<String> covered = new TreeSet<>();
    MATRIX.forEach(row -> covered.add(row.method() + " " + row.template()));
    assertEquals(documented, covered, "the role matrix and the OpenAPI document disagree");
  }

  @TestFactory
  Stream<DynamicTest> eachRoleGetsWhatTheMatrixSays() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : MATRIX) {
      for (var holder : HOLDERS.entrySet()) {
        String role = holder.getKey();
        tests.add(
            DynamicTest.dynamicTest(
                row.method() + " " + row.template() + " as " + role,
                () -> {
                  String token =
                      role.equals(GATEWAY) ? Stack.gateway("acme") : Stack.user(holder.getValue());
                  int status =
                      Stack.send(row.method(), row.path(), token, row.body(), "application/json")
                          .status();
                  if (row.allowed().contains(role)) {
                    assertFalse(
                        status == 401 || status == 403, role + " is allowed but got " + status);
                    assertTrue(status < 500, role + " got " + status);
                  } else {
                    assertEquals(403, status, role + " must be refused");
                  }
                }));
      }
      tests.add(
          DynamicTest.dynamicTest(
              row.method() + " " + row.template() + " without a token",
              () ->
                  assertEquals(
                      401,
                      Stack.send(row.method(), row.path(), null, row.body(), "application/json")
                          .status())));
    }
    return tests.stream();
  }
}
