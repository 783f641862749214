package io.portolan.infrastructure.keycloak;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where tokens come from and how Portolan reaches Keycloak: the MicroProfile JWT keys Portolan
 * reads itself (mp.jwt.*, which MicroProfile JWT reads as well) and Keycloak's admin API
 * (portolan.keycloak.*). Defaults: docs/configuration.md.
 */
@Dependent
public class KeycloakConfig {
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  String jwksLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "portolan")
  String audiences;

  @Inject
  @ConfigProperty(name = "mp.jwt.token.header", defaultValue = "Authorization")
  String tokenHeader;

  @Inject
  @ConfigProperty(name = "portolan.keycloak.url", defaultValue = "from-jwks")
  String url;

  @Inject
  @ConfigProperty(name = "portolan.keycloak.realm", defaultValue = "portolan")
  String realm;

  @Inject
  @ConfigProperty(name = "portolan.keycloak.admin-client-id", defaultValue = "portolan-admin")
  String adminClientId;

  @Inject
  @ConfigProperty(
      name = "portolan.keycloak.admin-client-secret",
      defaultValue = "portolan-admin-secret")
  String adminClientSecret;

  KeycloakConfig() {}

  /** The tokens' issuer, the realm's URL as clients see it. */
  public String issuer() {
    return issuer;
  }

  /** Where the realm's signing keys (JWKS) are fetched. */
  public String jwksLocation() {
    return jwksLocation;
  }

  /** The audience a gateway's tokens carry (and MicroProfile JWT accepts). */
  public String audiences() {
    return audiences;
  }

  /** The header MicroProfile JWT reads the token from ({@code Cookie} reads a cookie instead). */
  public String tokenHeader() {
    return tokenHeader;
  }

  /**
   * Keycloak's base URL as Portolan reaches it; {@code from-jwks} (the default) takes it from the
   * JWKS location.
   */
  public String url() {
    return "from-jwks".equals(url)
        ? jwksLocation.substring(0, jwksLocation.indexOf("/realms/"))
        : url;
  }

  public String realm() {
    return realm;
  }

  /** Portolan's service account for the admin API. */
  public String adminClientId() {
    return adminClientId;
  }

  public String adminClientSecret() {
    return adminClientSecret;
  }
}
