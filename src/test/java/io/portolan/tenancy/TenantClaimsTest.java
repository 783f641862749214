package io.portolan.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.ProblemException;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantClaimsTest {
  private static final String ACME = "acme";

  @Test
  void gatewayTenantClaimNamesTheTenant() {
    assertEquals(new TenantId(ACME), TenantClaims.resolve(Json.createValue(ACME), null));
  }

  @Test
  void organizationListOfOneNamesTheTenant() {
    var organizations = Json.createArrayBuilder().add(ACME).build();
    assertEquals(new TenantId(ACME), TenantClaims.resolve(null, organizations));
  }

  @Test
  void organizationMapWithIdsNamesTheTenant() {
    var organizations =
        Json.createObjectBuilder().add(ACME, Json.createObjectBuilder().add("id", "42")).build();
    assertEquals(new TenantId(ACME), TenantClaims.resolve(null, organizations));
  }

  @Test
  void plainJavaCollectionsAreReadToo() {
    assertEquals(new TenantId(ACME), TenantClaims.resolve(null, List.of(ACME)));
    assertEquals(new TenantId(ACME), TenantClaims.resolve(null, Map.of(ACME, Map.of())));
  }

  @Test
  void tokenWithoutTenantIsForbidden() {
    ProblemException e =
        assertThrows(ProblemException.class, () -> TenantClaims.resolve(null, null));
    assertEquals(403, e.status());
  }

  @Test
  void tokenWithTwoOrganizationsIsForbidden() {
    var organizations = Json.createArrayBuilder().add(ACME).add("globex").build();
    ProblemException e =
        assertThrows(ProblemException.class, () -> TenantClaims.resolve(null, organizations));
    assertEquals(403, e.status());
    assertEquals("https://portolan.dev/problems/ambiguous-tenant", e.toProblem().type());
  }

  @Test
  void organizationThatIsNoAliasIsForbidden() {
    var organizations = Json.createArrayBuilder().add("Acme Inc; drop table").build();
    assertThrows(ProblemException.class, () -> TenantClaims.resolve(null, organizations));
  }

  @Test
  void emptyOrganizationListIsForbidden() {
    assertThrows(
        ProblemException.class,
        () -> TenantClaims.resolve(null, Json.createArrayBuilder().build()));
  }
}
