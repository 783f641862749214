package io.portolan.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Replays the golden decision files against the real OPA binary evaluating policies/. */
class GoldenDecisionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TENANT = "golden";

  @TestFactory
  Stream<DynamicTest> goldenCasesAgreeWithOpa() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (GoldenFile file : GoldenFile.all(Path.of("."))) {
      JsonNode results = evaluate(file);
      for (int i = 0; i < file.cases().size(); i++) {
        JsonNode c = file.cases().get(i);
        JsonNode result = results.get(i);
        tests.add(
            DynamicTest.dynamicTest(
                file.name() + ": " + c.get("name").asText(),
                () ->
                    assertEquals(
                        GoldenFile.expected(c.get("expect")),
                        GoldenFile.actual(result, c.get("expect")))));
      }
    }
    return tests.stream();
  }

  /** One opa eval per file: every case's input evaluated against the file's tenant data. */
  private static JsonNode evaluate(GoldenFile file) throws Exception {
    ObjectNode data = JSON.createObjectNode();
    data.putObject("tenants").set(TENANT, file.tenantDocument());
    var inputs = data.putObject("golden").putArray("inputs");
    for (JsonNode c : file.cases()) {
      inputs.add(((ObjectNode) c.get("request").deepCopy()).put("tenant", TENANT));
    }
    Path dataFile = Files.createTempFile("golden", ".json");
    Files.writeString(dataFile, JSON.writeValueAsString(data));
    Process opa =
        new ProcessBuilder(
                opaBinary().toString(),
                "eval",
                "--format",
                "json",
                "-d",
                "policies/decision/decision.rego",
                "-d",
                "policies/deployments/deployments.rego",
                "-d",
                dataFile.toString(),
                "[r | some i in data.golden.inputs; r := data.portolan.decision with input as i]")
            .redirectErrorStream(true)
            .start();
    String output = new String(opa.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (opa.waitFor() != 0) {
      throw new IllegalStateException("opa eval failed: " + output);
    }
    Files.delete(dataFile);
    return JSON.readTree(output).at("/result/0/expressions/0/value");
  }

  static Path opaBinary() throws Exception {
    try (Stream<Path> tools = Files.list(Path.of(".tools"))) {
      return tools
          .filter(p -> p.getFileName().toString().startsWith("opa-"))
          .map(p -> p.resolve("opa"))
          .filter(Files::isExecutable)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no OPA in .tools/: run bin/tools.sh"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalStateException("no .tools/: run bin/tools.sh", e);
    }
  }
}
