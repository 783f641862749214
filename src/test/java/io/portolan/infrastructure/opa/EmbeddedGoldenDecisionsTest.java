package io.portolan.infrastructure.opa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.golden.GoldenFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The embedded engine (the policy compiled to WebAssembly by the build) gives the golden answers,
 * as OPA does in GoldenDecisionsTest: the same cases, evaluated in this JVM.
 */
class EmbeddedGoldenDecisionsTest {
  private static final String TENANT = "golden";
  private static EmbeddedOpa engine;

  @BeforeAll
  static void compile() throws InterruptedException {
    engine = new EmbeddedOpa();
    engine.metrics = EngineMetrics.standalone();
    engine.config = new OpaConfig(null, "embedded", 1);
    engine.start();
    long deadline = System.currentTimeMillis() + 120_000;
    while (engine.ready() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(1, engine.ready(), "the policy did not compile");
  }

  @AfterAll
  static void stop() {
    engine.stop();
  }

  @TestFactory
  Stream<DynamicTest> goldenCasesAgreeWithTheEmbeddedEngine() {
    List<DynamicTest> tests = new ArrayList<>();
    for (GoldenFile file : GoldenFile.all(Path.of("."))) {
      engine.putTenantData(TENANT, file.tenantDocument());
      for (JsonNode c : file.cases()) {
        JsonNode answer =
            engine
                .evaluate(((ObjectNode) c.get("request").deepCopy()).put("tenant", TENANT))
                .orElseThrow();
        tests.add(
            DynamicTest.dynamicTest(
                file.name() + ": " + c.get("name").asText(),
                () ->
                    assertEquals(
                        GoldenFile.expected(c.get("expect")),
                        GoldenFile.actual(answer, c.get("expect")))));
      }
    }
    return tests.stream();
  }

  @Test
  void aReplayAnswersFromItsOwnDocumentAndLeavesDecisionsAlone() {
    GoldenFile file = GoldenFile.all(Path.of(".")).get(0);
    JsonNode allowed = null;
    for (JsonNode c : file.cases()) {
      if (allowed == null && c.get("expect").get("allow").asBoolean()) {
        allowed = c;
      }
    }
    ObjectNode input = ((ObjectNode) allowed.get("request").deepCopy()).put("tenant", TENANT);
    engine.putTenantData(TENANT, file.tenantDocument());
    ObjectNode draft = file.tenantDocument().deepCopy();
    draft.putObject("models");

    try (EmbeddedOpa.Replay replay = engine.replay(TENANT, draft, 120_000).orElseThrow()) {
      JsonNode replayed = replay.evaluate(input);
      assertEquals(false, replayed.get("allow").asBoolean(), replayed.toString());
      assertEquals("model_unknown", replayed.get("reasons").get(0).get("code").asText());
      assertTrue(
          engine.replay(TENANT, draft, 0).isEmpty(),
          "one replay at a time holds the spare instance");
    }
    assertTrue(
        engine.evaluate(input).orElseThrow().get("allow").asBoolean(),
        "decisions still see the published data");
    try (EmbeddedOpa.Replay again =
        engine.replay(TENANT, file.tenantDocument(), 1_000).orElseThrow()) {
      assertTrue(
          again.evaluate(input).get("allow").asBoolean(),
          "the spare instance was given back and reloaded");
    }
  }

  @Test
  void aTenantWithoutDataGetsNoRevision() {
    JsonNode answer =
        engine
            .evaluate(
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode()
                    .put("tenant", "nobody")
                    .put("team", "t")
                    .put("model", "m"))
            .orElseThrow();
    assertTrue(answer.path("revision").isMissingNode(), answer.toString());
  }

  @Test
  void whenDisabledItLeavesDecisionsToOpa() {
    EmbeddedOpa off = new EmbeddedOpa();
    off.metrics = EngineMetrics.standalone();
    off.config = new OpaConfig(null, "opa", 0);
    off.start();
    assertTrue(
        off.evaluate(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode())
            .isEmpty());
  }
}
