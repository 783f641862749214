package io.portolan.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision servlet answers a request itself only when {@link
 * DecisionRequest#passesConstraints()} says Bean Validation would accept it; were the two to
 * disagree, an invalid question could be decided, or a valid one refused by the wrong path.
 */
class DecisionRequestTest {
  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private static final List<String> IDS =
      Arrays.asList(
          "gpt-4o",
          "llama-3.3-70b",
          "a",
          "9",
          "x_y",
          "a".repeat(63),
          "a".repeat(64),
          null,
          "",
          " ",
          "GPT-4o",
          "-gpt",
          ".gpt",
          "_gpt",
          "gpt 4o",
          "gpt-4o\n",
          "\ngpt",
          "gpt/4o",
          "gpté",
          "gpt:4o");
  private static final List<String> REGIONS =
      Arrays.asList(
          "eu",
          "us",
          "apac",
          "eu-west-1",
          "e",
          "a".repeat(32),
          "a".repeat(33),
          "1eu",
          "-eu",
          "EU",
          "eu_west",
          "eu.west",
          null,
          "",
          "eu\n");

  @Test
  void agreesWithBeanValidationOnEveryField() {
    List<DecisionRequest> requests = new ArrayList<>();
    for (String id : IDS) {
      requests.add(new DecisionRequest(id, "gpt-4o", "chat", DataClassification.INTERNAL, "eu"));
      requests.add(new DecisionRequest("research", id, "chat", DataClassification.INTERNAL, "eu"));
      requests.add(
          new DecisionRequest("research", "gpt-4o", id, DataClassification.INTERNAL, "eu"));
    }
    for (String region : REGIONS) {
      requests.add(
          new DecisionRequest("research", "gpt-4o", "chat", DataClassification.RESTRICTED, region));
    }
    for (DataClassification classification : DataClassification.values()) {
      requests.add(new DecisionRequest("research", "gpt-4o", "chat", classification, "uk"));
    }
    requests.add(new DecisionRequest("research", "gpt-4o", "chat", null, "eu"));
    requests.add(
        new DecisionRequest("research", "gpt-4o", "chat", DataClassification.PUBLIC, "eu")
            .withTaskTier(TaskTier.values()[0]));
    requests.add(new DecisionRequest(null, null, null, null, null));

    int accepted = 0;
    for (DecisionRequest request : requests) {
      boolean valid = VALIDATOR.validate(request).isEmpty();
      assertEquals(valid, request.passesConstraints(), () -> describe(request));
      accepted += valid ? 1 : 0;
    }
    assertTrue(accepted > 10, "the cases include valid requests");
    assertTrue(accepted < requests.size() - 10, "and invalid ones");
  }

  @Test
  void aMissingClassificationFails() {
    assertFalse(new DecisionRequest("research", "gpt-4o", "chat", null, "eu").passesConstraints());
  }

  private static String describe(DecisionRequest r) {
    return String.join(
        ", ",
        String.valueOf(r.team()),
        String.valueOf(r.model()),
        String.valueOf(r.purpose()),
        String.valueOf(r.dataClassification()),
        String.valueOf(r.region()));
  }
}
