package io.portolan.decision;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which requests the decision servlet answers itself; the rest go to the JAX-RS resource. */
class DecisionServletTest {
  @Test
  void jsonBodiesWithOrWithoutTheUtf8CharsetAreTakenOthersHandedOver() {
    assertTrue(DecisionServlet.isJson("application/json"));
    assertTrue(DecisionServlet.isJson("Application/JSON; charset=utf-8"));
    assertFalse(DecisionServlet.isJson(null));
    assertFalse(DecisionServlet.isJson("application/json; charset=utf-16"));
    assertFalse(DecisionServlet.isJson("text/plain"));
    assertFalse(DecisionServlet.isJson("application/problem+json"));
  }

  @Test
  void callersThatAcceptJsonAreAnsweredDirectly() {
    assertTrue(DecisionServlet.acceptsJson(null));
    assertTrue(DecisionServlet.acceptsJson(""));
    assertTrue(DecisionServlet.acceptsJson("*/*"));
    assertTrue(DecisionServlet.acceptsJson("application/json"));
    assertTrue(
        DecisionServlet.acceptsJson("application/json, application/problem+json")); // the SDKs
    assertTrue(DecisionServlet.acceptsJson("text/html, application/*"));
  }

  @Test
  void parametersAndCallersThatAcceptNoJsonGoToContentNegotiation() {
    assertFalse(DecisionServlet.acceptsJson("text/html"));
    assertFalse(DecisionServlet.acceptsJson("application/problem+json"));
    assertFalse(DecisionServlet.acceptsJson("application/json;q=0, */*"));
    assertFalse(DecisionServlet.acceptsJson("application/json, text/plain;q=0.5"));
    assertFalse(DecisionServlet.acceptsJson("text/html;level, */*"));
    assertFalse(DecisionServlet.acceptsJson("application/json;charset=utf-8"));
  }
}
