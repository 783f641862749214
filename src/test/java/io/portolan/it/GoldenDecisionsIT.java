package io.portolan.it;

import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.golden.GoldenFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the golden decision files through the HTTP API: each file's inventory and settings are
 * loaded into the test-only tenant initech through the API, published, and every case is asked of
 * POST /api/v1/decisions with initech's gateway. GoldenDecisionsTest replays the same files against
 * OPA directly.
 */
class GoldenDecisionsIT {
  private static final String OFFICER = "ivan"; // initech compliance officer and tenant admin

  @TestFactory
  Stream<DynamicNode> goldenCasesAgreeWithTheDecisionApi() {
    List<DynamicNode> files = new ArrayList<>();
    for (GoldenFile file : GoldenFile.all(Stack.REPO)) {
      List<JsonNode> answers = replay(file);
      List<DynamicTest> cases = new ArrayList<>();
      for (int i = 0; i < file.cases().size(); i++) {
        JsonNode c = file.cases().get(i);
        JsonNode answer = answers.get(i);
        cases.add(
            DynamicTest.dynamicTest(
                c.get("name").asText(),
                () ->
                    assertEquals(
                        GoldenFile.expected(c.get("expect")),
                        GoldenFile.actual(answer, c.get("expect")),
                        answer.toString())));
      }
      files.add(DynamicContainer.dynamicContainer(file.name(), cases));
    }
    return files.stream();
  }

  private static List<JsonNode> replay(GoldenFile file) {
    String token = Stack.user(OFFICER);
    // Decisions read the approvals in force; the golden files assume none but their own.
    try {
      file.vendors().forEach(v -> create("/api/v1/vendors", token, v));
      file.models().forEach(m -> create("/api/v1/models", token, m));
      file.deployments().forEach(d -> create("/api/v1/deployments", token, d));
      file.teams().forEach(t -> create("/api/v1/teams", token, t));
      file.aliases().forEach(a -> create("/api/v1/aliases", token, a));
      // Settings first: they say which requests are high risk.
      require(put("/api/v1/policy/settings", token, file.settings()), 200);
      require(post("/api/v1/policy/revisions", token, null), 201);
      file.approvals()
          .forEach(
              a ->
                  Approvals.grant(
                      "initech",
                      Stack.JSON.convertValue(
                          ((com.fasterxml.jackson.databind.node.ObjectNode) a.deepCopy())
                              .put("justification", "golden case"),
                          java.util.Map.class)));
      file.budgets().forEach(b -> budget(token, b));
      List<JsonNode> answers = new ArrayList<>();
      for (JsonNode c : file.cases()) {
        answers.add(
            require(post("/api/v1/decisions", Stack.gateway("initech"), c.get("request")), 200)
                .body());
      }
      return answers;
    } finally {
      // Approvals keep their models and teams: revoke them, the inventory stays (ids are per file).
      var inForce = Stack.get("/api/v1/approvals?size=500", token).body();
      inForce
          .get("items")
          .forEach(
              a ->
                  post(
                      "/api/v1/approvals/" + a.get("id").asText() + "/revoke",
                      token,
                      java.util.Map.of("reason", "golden replay done")));
    }
  }

  /**
   * Sets the budget (or finds the one an earlier replay set) and reports usage with a reported cost
   * until its spend this month is what the file says.
   */
  private static void budget(String token, JsonNode b) {
    var body = ((com.fasterxml.jackson.databind.node.ObjectNode) b.deepCopy());
    body.remove(List.of("spent", "spentOn"));
    var created = post("/api/v1/budgets", token, body);
    if (created.status() != 409) {
      require(created, 201);
    }
    JsonNode held =
        Stack.get("/api/v1/budgets?team=" + b.get("team").asText(), token).body().get("items");
    long spent = 0;
    for (JsonNode budget : held) {
      if (budget.path("vendor").asText("").equals(b.path("vendor").asText(""))) {
        spent = GoldenFile.micros(budget.get("spent").asText());
      }
    }
    long missing = GoldenFile.micros(b.get("spent").asText()) - spent;
    if (missing <= 0) {
      return;
    }
    String model = b.get("spentOn").asText();
    String decisionId =
        require(
                post(
                    "/api/v1/decisions",
                    Stack.gateway("initech"),
                    java.util.Map.of(
                        "team",
                        b.get("team").asText(),
                        "model",
                        model,
                        "purpose",
                        "chat",
                        "dataClassification",
                        "internal",
                        "region",
                        "eu")),
                200)
            .body()
            .get("decisionId")
            .asText();
    require(
        post(
            "/api/v1/usage",
            Stack.gateway("initech"),
            java.util.Map.of(
                "decisionId",
                decisionId,
                "model",
                model,
                "inputTokens",
                1,
                "outputTokens",
                1,
                "latencyMs",
                1,
                "costMicros",
                missing)),
        201);
  }

  /** Creates an item; one left by an earlier replay on the same stack is kept. */
  private static void create(String path, String token, JsonNode body) {
    var reply = post(path, token, body);
    if (reply.status() != 409) {
      require(reply, 201);
    }
  }

  private static Stack.Reply require(Stack.Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException(
          "expected " + status + ", got " + reply.status() + ": " + reply.raw().body());
    }
    return reply;
  }
}
