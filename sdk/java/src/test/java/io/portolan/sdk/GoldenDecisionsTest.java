package io.portolan.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of the golden decision file, replayed through decide() against the real stack. */
class GoldenDecisionsTest {
  private static PortolanClient client;

  @BeforeAll
  static void connect() {
    client = Stack.initechGateway().build();
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseDecidesAsExpected() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode goldenCase : Stack.golden().get("cases")) {
      tests.add(DynamicTest.dynamicTest(goldenCase.get("name").asText(), () -> replay(goldenCase)));
    }
    return tests.stream();
  }

  private static void replay(JsonNode goldenCase) throws Exception {
    DecisionRequest request =
        Json.MAPPER.treeToValue(goldenCase.get("request"), DecisionRequest.class);
    JsonNode expect = goldenCase.get("expect");
    String name = goldenCase.get("name").asText() + ": ";
    Decision decision = client.decide(request);

    assertEquals(
        expect.get("allow").asBoolean(),
        decision.allow(),
        name + "allow, reasons were " + decision.reasons());
    assertEquals(
        texts(expect.get("reasons")).stream().sorted().toList(),
        decision.reasons().stream().map(Decision.Reason::code).sorted().toList(),
        name + "sorted reason codes, reasons were " + decision.reasons());
    assertEquals(
        texts(expect.get("obligations")),
        decision.obligations().stream().map(Decision.Obligation::code).toList(),
        name + "obligation codes");
    assertEquals(
        texts(expect.get("alternatives")),
        decision.alternatives().stream().map(Decision.Alternative::model).toList(),
        name + "alternative models, in order");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
