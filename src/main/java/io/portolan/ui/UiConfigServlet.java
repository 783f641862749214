package io.portolan.ui;

import io.portolan.infrastructure.keycloak.KeycloakConfig;
import io.portolan.infrastructure.web.JacksonConfig;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /ui-config.json}: where the browser logs in. The issuer Portolan verifies tokens
 * against is Keycloak's public realm URL, so one WAR works behind any Keycloak without a rebuild.
 */
@WebServlet("/ui-config.json")
public class UiConfigServlet extends HttpServlet {
  @Inject KeycloakConfig tokens;
  @Inject UiConfig config;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-cache");
    JacksonConfig.MAPPER.writeValue(
        response.getOutputStream(),
        Map.of("issuer", tokens.issuer(), "clientId", config.clientId()));
  }
}
