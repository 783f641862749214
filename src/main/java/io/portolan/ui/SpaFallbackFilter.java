package io.portolan.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A browser opening a UI route such as {@code /approvals/requests/42} gets the single-page app's
 * {@code index.html}, which routes on the client. The API and the server's own paths are never
 * touched, so they keep their problem+json errors; nor are files (a last segment with a dot).
 */
@WebFilter("/*")
public class SpaFallbackFilter extends HttpFilter {
  private static final List<String> SERVER_PATHS =
      List.of(
          "/api/",
          "/openapi",
          "/health",
          "/metrics",
          "/bundles",
          "/container-error",
          "/ui-config.json");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isUiRoute(request)) {
      response.setHeader("Cache-Control", "no-cache"); // index.html names the current hashed assets
      request.getRequestDispatcher("/index.html").forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isUiRoute(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) return false;
    String accept = request.getHeader("Accept");
    if (accept == null || !accept.contains("text/html")) return false;
    return isUiPath(request.getRequestURI().substring(request.getContextPath().length()));
  }

  static boolean isUiPath(String path) {
    if (path.equals("/api") || SERVER_PATHS.stream().anyMatch(path::startsWith)) return false;
    return !path.substring(path.lastIndexOf('/') + 1).contains(".");
  }
}
