package io.portolan.ui;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The web UI's settings (portolan.ui.*). Defaults: docs/configuration.md. */
@Dependent
public class UiConfig {
  @Inject
  @ConfigProperty(name = "portolan.ui.client-id", defaultValue = "portolan-ui")
  String clientId;

  UiConfig() {}

  /** The public Keycloak client the web UI signs in with. */
  public String clientId() {
    return clientId;
  }
}
