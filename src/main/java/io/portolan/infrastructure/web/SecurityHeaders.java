package io.portolan.infrastructure.web;

import io.portolan.infrastructure.keycloak.KeycloakConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Headers every answer carries. The content security policy lets the web UI run only its own
 * scripts and talk only to Portolan and the Keycloak that issues its tokens; no page may be framed.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {
  @Inject KeycloakConfig tokens;

  private String policy;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", policy());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    chain.doFilter(request, response);
  }

  private String policy() {
    if (policy == null) {
      policy = contentSecurityPolicy(origin(tokens.issuer()));
    }
    return policy;
  }

  /**
   * Styles may be inline: the UI's components set positions in style attributes. Scripts may not.
   */
  static String contentSecurityPolicy(String keycloak) {
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self' " + keycloak,
        "frame-src " + keycloak,
        "form-action 'self' " + keycloak,
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'");
  }

  static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
