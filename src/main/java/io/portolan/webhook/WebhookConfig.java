package io.portolan.webhook;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Webhooks' settings (portolan.webhook.*). Defaults: docs/configuration.md. */
@Dependent
public class WebhookConfig {
  @Inject
  @ConfigProperty(name = "portolan.webhook.allow-private-targets", defaultValue = "false")
  boolean allowPrivateTargets;

  WebhookConfig() {}

  /** Whether webhooks may go to loopback or private addresses (tests, single-host setups). */
  public boolean allowPrivateTargets() {
    return allowPrivateTargets;
  }
}
