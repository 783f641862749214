package io.portolan.infrastructure.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portolan.decision.DecisionLogFilter;
import io.portolan.decision.DecisionLogResource;
import org.junit.jupiter.api.Test;

class BeanParamParametersTest {
  @Test
  void anOperationsPathJoinsApplicationResourceAndMethod() throws Exception {
    assertEquals(
        "/api/v1/audit/decisions/manifest",
        BeanParamParameters.path(
            "/api/v1",
            DecisionLogResource.class,
            DecisionLogResource.class.getMethod("manifest", DecisionLogFilter.class)));
  }
}
