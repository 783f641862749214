package io.portolan.tenancy;

import io.portolan.infrastructure.persistence.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request: the tenant comes from the verified token and nothing else. The
 * token is read from the request's principal, which MicroProfile JWT set when it verified it; an
 * injected {@code JsonWebToken} would be produced anew for every request through JNDI and bean
 * lookups, about a tenth of a decision's CPU time. One instance serves every request (a bean per
 * request cost another twentieth); the tenant, once resolved, is kept on the request.
 */
@ApplicationScoped
public class TenantContext {
  private static final String TENANT = TenantContext.class.getName() + ".tenant";

  @Inject HttpServletRequest request;
  @Inject TenantRegistry registry;

  /** The caller's tenant, registered on first sight; 403 when the token names none or several. */
  public TenantId tenant() {
    if (request.getAttribute(TENANT) instanceof TenantId known) {
      return known;
    }
    TenantId tenant = TenantClaims.resolve(claim("tenant"), claim("organization"));
    registry.ensureRegistered(tenant);
    request.setAttribute(TENANT, tenant);
    io.portolan.infrastructure.logging.LogContext.tenant(tenant.value());
    io.portolan.infrastructure.telemetry.Tracing.tenant(tenant.value());
    return tenant;
  }

  /** Who acted, for logs: the client of a gateway, the user name of a person. */
  public String clientId() {
    Object azp = claim("azp");
    return azp == null ? null : String.valueOf(azp).replace("\"", "");
  }

  /** The user's team (the {@code team} claim), or null for gateways and users without one. */
  public String team() {
    Object team = claim("team");
    return team == null ? null : String.valueOf(team).replace("\"", "");
  }

  public boolean hasAnyRole(String... roles) {
    Set<String> groups = groups();
    for (String role : roles) {
      if (groups.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public boolean isGateway() {
    return groups().contains(Roles.GATEWAY);
  }

  public String userName() {
    JsonWebToken token = token();
    return token == null ? null : token.getName();
  }

  /** The verified token, or null for an anonymous request. */
  private JsonWebToken token() {
    return request.getUserPrincipal() instanceof JsonWebToken token ? token : null;
  }

  private Object claim(String name) {
    JsonWebToken token = token();
    return token == null ? null : token.getClaim(name);
  }

  private Set<String> groups() {
    JsonWebToken token = token();
    return token == null || token.getGroups() == null ? Set.of() : token.getGroups();
  }
}
