package io.portolan.infrastructure.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which requests may sign in with a remembered token; all others go through Jakarta Security. */
class RememberedTokenAuthenticationTest {
  @Test
  void aDecisionPostGivesItsBearerToken() {
    assertEquals("abc.def.ghi", RememberedTokenAuthentication.decisionBearerToken("POST", "/api/v1/decisions", "", "Bearer abc.def.ghi"));
    assertEquals("t", RememberedTokenAuthentication.decisionBearerToken("POST", "/portolan/api/v1/decisions", "/portolan", "Bearer t"));
  }

  @Test
  void everyOtherRequestGoesThroughTheUsualSignIn() {
    assertNull(RememberedTokenAuthentication.decisionBearerToken("GET", "/api/v1/decisions", "", "Bearer t"));
    assertNull(RememberedTokenAuthentication.decisionBearerToken("POST", "/api/v1/decisions/auth-request", "", "Bearer t"));
    assertNull(RememberedTokenAuthentication.decisionBearerToken("POST", "/api/v1/models", "", "Bearer t"));
    assertNull(RememberedTokenAuthentication.decisionBearerToken("POST", "/api/v1/decisions;x=1", "", "Bearer t"));
    assertNull(RememberedTokenAuthentication.decisionBearerToken("POST", "/portolan/api/v1/decisions", "", "Bearer t"));
    assertNull(RememberedTokenAuthentication.decisionBearerToken("POST", "/api/v1/decisions", "", null));
    assertNull(RememberedTokenAuthentication.decisionBearerToken("POST", "/api/v1/decisions", "", "Basic dXNlcjpwYXNz"));
    assertNull(RememberedTokenAuthentication.decisionBearerToken("POST", "/api/v1/decisions", "", "Bearer "));
    assertNull(RememberedTokenAuthentication.decisionBearerToken("POST", "/api/v1/decisions", "", "bearer abc.def.ghi"));
  }
}
