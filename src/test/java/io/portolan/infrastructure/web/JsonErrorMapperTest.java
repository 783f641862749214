package io.portolan.infrastructure.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.portolan.decision.DecisionRequest;
import io.portolan.inventory.ModelInput;
import io.portolan.inventory.VendorInput;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class JsonErrorMapperTest {
  private final JsonErrorMapper mapper = new JsonErrorMapper();

  private Problem problemFor(Class<?> type, String json) {
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class, () -> JacksonConfig.MAPPER.readValue(json, type));
    Response response = mapper.toResponse(e);
    assertEquals(400, response.getStatus());
    assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    return (Problem) response.getEntity();
  }

  @Test
  void unknownFieldIsRefusedByName() {
    Problem p = problemFor(VendorInput.class, "{\"id\":\"x\",\"tenant\":\"globex\"}");
    assertEquals("tenant", p.errors().get(0).field());
  }

  @Test
  void wrongEnumValueListsTheAllowedOnes() {
    Problem p = problemFor(DecisionRequest.class, "{\"dataClassification\":\"secret\"}");
    assertEquals("dataClassification", p.errors().get(0).field());
    assertTrue(p.detail().contains("public, internal, confidential, restricted"), p.detail());
  }

  @Test
  void wrongTypeInsideAListNamesTheIndex() {
    Problem p = problemFor(ModelInput.class, "{\"hostingRegions\":[\"eu\", {\"x\":1}]}");
    assertEquals("hostingRegions[1]", p.errors().get(0).field());
  }

  @Test
  void malformedJsonIsItsOwnProblem() {
    Problem p = problemFor(VendorInput.class, "{\"id\":");
    assertEquals(Problem.type("malformed-json"), p.type());
  }

  @Test
  void aBooleanFieldRefusesAString() {
    Problem p = problemFor(VendorInput.class, "{\"suspended\":\"yes\"}");
    assertEquals("suspended", p.errors().get(0).field());
    assertTrue(p.detail().contains("true or false"));
  }
}
