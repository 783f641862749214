package io.portolan.infrastructure.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portolan.audit.AuditResource;
import org.junit.jupiter.api.Test;

class BeanParamParametersTest {
  @Test
  void anOperationsPathJoinsApplicationResourceAndMethod() throws Exception {
    assertEquals(
        "/api/v1/audit/decisions/manifest",
        BeanParamParameters.path(
            "/api/v1",
            AuditResource.class,
            AuditResource.class.getMethod("manifest", io.portolan.audit.DecisionLogFilter.class)));
  }
}
