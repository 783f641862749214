package io.portolan.bundlesigning;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Bundle signing's settings (portolan.bundle-signing.*). Defaults: docs/configuration.md. */
@Dependent
public class BundleSigningConfig {
  @Inject
  @ConfigProperty(
      name = "portolan.bundle-signing.secret",
      defaultValue = "portolan-dev-bundle-signing-secret")
  String secret;

  BundleSigningConfig() {}

  /** A configuration with this secret, for tests. */
  BundleSigningConfig(String secret) {
    this.secret = secret;
  }

  /**
   * Encrypts each tenant's bundle signing key in PostgreSQL; the same on every replica, and changed
   * in production before the first bundle is served.
   */
  public String secret() {
    return secret;
  }
}
