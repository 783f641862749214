package io.portolan.infrastructure.keycloak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import org.junit.jupiter.api.Test;

/**
 * Which requests sign in with a remembered token, and what the container is told; the rest go to
 * the bridge.
 */
class RememberedTokenAuthenticationTest {
  private static final String TOKEN = "header.claims.signature";
  private static final CredentialValidationResult VERIFIED =
      new CredentialValidationResult(new CallerPrincipal("acme-gateway"), Set.of("gateway"));

  private final List<Callback> told = new ArrayList<>();
  private final List<String> bridgeCalls = new ArrayList<>();
  private final RememberedTokenAuthentication.Context context =
      new RememberedTokenAuthentication.Context(
          new Bridge(),
          token -> TOKEN.equals(token) ? VERIFIED : null,
          callbacks -> told.addAll(List.of(callbacks)));

  @Test
  void aDecisionWithARememberedTokenIsSignedInAsItsCallerWithItsGroups() throws Exception {
    Message message = new Message(request("POST", "/api/v1/decisions", "Bearer " + TOKEN));
    Subject client = new Subject();

    assertEquals(AuthStatus.SUCCESS, context.validateRequest(message, client, null));
    assertEquals(2, told.size());
    CallerPrincipalCallback caller = (CallerPrincipalCallback) told.get(0);
    assertSame(client, caller.getSubject());
    assertSame(VERIFIED.getCallerPrincipal(), caller.getPrincipal());
    GroupPrincipalCallback groups = (GroupPrincipalCallback) told.get(1);
    assertSame(client, groups.getSubject());
    assertArrayEquals(new String[] {"gateway"}, groups.getGroups());

    assertEquals(AuthStatus.SEND_SUCCESS, context.secureResponse(message, null));
    assertEquals(List.of(), bridgeCalls);
  }

  @Test
  void aTokenNotRememberedAndEveryOtherRequestGoThroughTheBridge() throws Exception {
    for (HttpServletRequest request :
        List.of(
            request("POST", "/api/v1/decisions", "Bearer another.token.altogether"),
            request("POST", "/api/v1/decisions", null),
            request("GET", "/api/v1/models", "Bearer " + TOKEN),
            request("POST", "/api/v1/decisions/auth-request", "Bearer " + TOKEN))) {
      Message message = new Message(request);
      assertEquals(AuthStatus.SEND_FAILURE, context.validateRequest(message, new Subject(), null));
      assertEquals(AuthStatus.SEND_CONTINUE, context.secureResponse(message, null));
    }
    assertEquals(List.of(), told);
    assertEquals(8, bridgeCalls.size());
  }

  @Test
  void aDecisionPostGivesItsBearerToken() {
    assertEquals(
        "abc.def.ghi",
        RememberedTokenAuthentication.decisionBearerToken(
            "POST", "/api/v1/decisions", "", "Bearer abc.def.ghi"));
    assertEquals(
        "t",
        RememberedTokenAuthentication.decisionBearerToken(
            "POST", "/portolan/api/v1/decisions", "/portolan", "Bearer t"));
  }

  @Test
  void everyOtherRequestGivesNoToken() {
    assertNull(
        RememberedTokenAuthentication.decisionBearerToken(
            "GET", "/api/v1/decisions", "", "Bearer t"));
    assertNull(
        RememberedTokenAuthentication.decisionBearerToken(
            "POST", "/api/v1/decisions/auth-request", "", "Bearer t"));
    assertNull(
        RememberedTokenAuthentication.decisionBearerToken(
            "POST", "/api/v1/models", "", "Bearer t"));
    assertNull(
        RememberedTokenAuthentication.decisionBearerToken(
            "POST", "/api/v1/decisions;x=1", "", "Bearer t"));
    assertNull(
        RememberedTokenAuthentication.decisionBearerToken(
            "POST", "/portolan/api/v1/decisions", "", "Bearer t"));
    assertNull(
        RememberedTokenAuthentication.decisionBearerToken("POST", "/api/v1/decisions", "", null));
    assertNull(
        RememberedTokenAuthentication.decisionBearerToken(
            "POST", "/api/v1/decisions", "", "Basic dXNlcjpwYXNz"));
    assertNull(
        RememberedTokenAuthentication.decisionBearerToken(
            "POST", "/api/v1/decisions", "", "Bearer "));
    assertNull(
        RememberedTokenAuthentication.decisionBearerToken(
            "POST", "/api/v1/decisions", "", "bearer abc.def.ghi"));
  }

  /** Stands for Jakarta Security's bridge: refuses, so a test sees when it was asked. */
  private final class Bridge implements ServerAuthContext {
    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) {
      bridgeCalls.add("validateRequest");
      return AuthStatus.SEND_FAILURE;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
      bridgeCalls.add("secureResponse");
      return AuthStatus.SEND_CONTINUE;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
      bridgeCalls.add("cleanSubject");
    }
  }

  private static final class Message implements MessageInfo {
    private Object request;
    private Object response;
    private final Map<String, Object> map = new HashMap<>();

    Message(Object request) {
      this.request = request;
    }

    @Override
    public Object getRequestMessage() {
      return request;
    }

    @Override
    public Object getResponseMessage() {
      return response;
    }

    @Override
    public void setRequestMessage(Object request) {
      this.request = request;
    }

    @Override
    public void setResponseMessage(Object response) {
      this.response = response;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Map getMap() {
      return map;
    }
  }

  /**
   * A request with a method, a path at the root context, an Authorization header and attributes.
   */
  private static HttpServletRequest request(String method, String uri, String authorization) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RememberedTokenAuthenticationTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, invoked, args) ->
                switch (invoked.getName()) {
                  case "getMethod" -> method;
                  case "getRequestURI" -> uri;
                  case "getContextPath" -> "";
                  case "getHeader" ->
                      "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  default -> throw new UnsupportedOperationException(invoked.getName());
                });
  }
}
