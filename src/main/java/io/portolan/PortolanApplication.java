package io.portolan;

import io.portolan.tenancy.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under /api/v1. Bearer tokens from Keycloak are verified by MicroProfile JWT.
 * ApplicationScoped because Payara ignores {@code @LoginConfig} on a bare Application subclass.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({
  Roles.PLATFORM_ADMIN,
  Roles.TENANT_ADMIN,
  Roles.COMPLIANCE_OFFICER,
  Roles.REQUESTER,
  Roles.AUDITOR,
  Roles.GATEWAY
})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Portolan",
            version = "1",
            description = "Which AI models may this team use, where, for what."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class PortolanApplication extends Application {
  /**
   * Jackson alone reads and writes JSON: the server's JSON-B provider would ignore unknown fields.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.disableJsonb", true, "jersey.config.server.disableJsonb", true);
  }
}
