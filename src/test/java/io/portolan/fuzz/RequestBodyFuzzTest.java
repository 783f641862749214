package io.portolan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.approval.ApprovalRequestInput;
import io.portolan.decision.DecisionRequest;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.StorableText;
import io.portolan.inventory.ModelInput;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.CharConversionException;
import java.io.IOException;

/**
 * The request bodies clients send most, fuzzed with Jazzer through the same JSON reader and Bean
 * Validation as the server: any input either fails to parse (the API's 400 for bad JSON, unknown
 * fields or wrong types, text the database cannot store) or parses and is validated (400 naming the
 * fields, or accepted). Anything else thrown would be a 500; a parsed body holding text the
 * database cannot store (NUL, an unpaired surrogate, a control character) fails the test too. `make
 * test` replays the seeds under src/test/resources; `make security` fuzzes each method for a
 * bounded time (JAZZER_FUZZ=1).
 */
class RequestBodyFuzzTest {
  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  @FuzzTest(maxDuration = "60s")
  void decisionBodies(byte[] body) throws IOException {
    parseAndValidate(body, DecisionRequest.class);
  }

  @FuzzTest(maxDuration = "60s")
  void approvalRequestBodies(byte[] body) throws IOException {
    parseAndValidate(body, ApprovalRequestInput.class);
  }

  @FuzzTest(maxDuration = "60s")
  void modelBodies(byte[] body) throws IOException {
    parseAndValidate(body, ModelInput.class);
  }

  private static void parseAndValidate(byte[] body, Class<?> type) throws IOException {
    Object parsed;
    try {
      parsed = JacksonConfig.INPUT.readValue(body, type);
    } catch (JsonProcessingException
        | CharConversionException refusedAs400) { // JsonErrorMapper, CharsetErrorMapper
      return;
    }
    if (parsed != null) {
      VALIDATOR.validate(parsed);
      assertStorable(JacksonConfig.MAPPER.valueToTree(parsed));
    }
  }

  private static void assertStorable(JsonNode node) {
    if (node.isTextual()
        && StorableText.problemIn(node.asText(), StorableText.Lines.MULTIPLE) != null) {
      throw new AssertionError("parsed, but the database cannot store it: " + node);
    }
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (StorableText.problemIn(name, StorableText.Lines.SINGLE) != null) {
                throw new AssertionError("parsed a field name the database cannot store: " + name);
              }
            });
    node.forEach(RequestBodyFuzzTest::assertStorable);
  }
}
