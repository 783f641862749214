package io.portolan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser-facing protections hold on the UI, the API and its errors alike. */
class SecurityHeadersIT {
  @Test
  void everyAnswerForbidsFramingSniffingAndForeignScripts() {
    List<Stack.Reply> replies =
        List.of(
            Stack.send("GET", "/", null, null, "text/html"),
            Stack.get("/api/v1/vendors", Stack.user("alice")),
            Stack.get("/api/v1/vendors", null),
            Stack.get("/api/v1/no-such-thing", Stack.user("alice")));
    for (Stack.Reply reply : replies) {
      String where = reply.raw().request().uri() + " (" + reply.status() + ")";
      assertEquals("nosniff", reply.header("X-Content-Type-Options"), where);
      assertEquals(List.of("DENY"), reply.raw().headers().allValues("X-Frame-Options"), where);
      String csp = reply.header("Content-Security-Policy");
      assertTrue(csp != null && csp.contains("frame-ancestors 'none'"), where + ": " + csp);
      assertTrue(csp.contains("script-src 'self';"), "no inline or foreign scripts: " + csp);
      assertTrue(
          csp.contains("connect-src 'self' " + Stack.KEYCLOAK),
          "the UI may reach Keycloak: " + csp);
    }
  }

  @Test
  void noCookiesAreSet() {
    // The API is stateless (bearer tokens); a session cookie would be a CSRF surface.
    Stack.Reply reply = Stack.get("/api/v1/vendors", Stack.user("alice"));
    assertEquals(List.of(), reply.raw().headers().allValues("Set-Cookie"));
  }
}
