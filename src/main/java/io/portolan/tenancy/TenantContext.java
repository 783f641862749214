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

  public String userName() {
    return token.getName();
  }
}
