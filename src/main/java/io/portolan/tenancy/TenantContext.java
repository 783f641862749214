package io.portolan.tenancy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request: the tenant comes from the verified token and nothing else. */
@RequestScoped
public class TenantContext {
  @Inject JsonWebToken token;
  @Inject TenantRegistry registry;

  private TenantId tenant;

  /** The caller's tenant, registered on first sight; 403 when the token names none or several. */
  public TenantId tenant() {
    if (tenant == null) {
      tenant = TenantClaims.resolve(token.getClaim("tenant"), token.getClaim("organization"));
      registry.ensureRegistered(tenant);
    }
    return tenant;
  }

  /** Who acted, for logs: the client of a gateway, the user name of a person. */
  public String clientId() {
    Object azp = token.getClaim("azp");
    return azp == null ? null : String.valueOf(azp).replace("\"", "");
  }

  /** The user's team (the {@code team} claim), or null for gateways and users without one. */
  public String team() {
    Object team = token.getClaim("team");
    return team == null ? null : String.valueOf(team).replace("\"", "");
  }

  public boolean hasAnyRole(String... roles) {
    for (String role : roles) {
      if (token.getGroups() != null && token.getGroups().contains(role)) {
        return true;
      }
    }
    return false;
  }

  public boolean isGateway() {
    return token.getGroups() != null && token.getGroups().contains(Roles.GATEWAY);
  }

  public String userName() {
    return token.getName();
  }
}
