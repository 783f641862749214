package io.portolan.infrastructure.logging;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The log's settings (portolan.log.*). Defaults: docs/configuration.md. */
@Dependent
public class LogConfig {
  @Inject
  @ConfigProperty(name = "portolan.log.format", defaultValue = "text")
  String format;

  LogConfig() {}

  /** {@code text}: the server's own format; {@code json}: one JSON object per line. */
  public String format() {
    return format;
  }
}
