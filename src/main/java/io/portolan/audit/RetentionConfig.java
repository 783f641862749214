package io.portolan.audit;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Retention of the logs (portolan.retention.*). Defaults: docs/configuration.md. */
@Dependent
public class RetentionConfig {
  @Inject
  @ConfigProperty(name = "portolan.retention.minimum-days", defaultValue = "1")
  int minimumDays;

  @Inject
  @ConfigProperty(name = "portolan.retention.schedule-check-seconds", defaultValue = "3600")
  int scheduleCheckSeconds;

  RetentionConfig() {}

  /** Entries younger than this are never removed, whatever a request or a policy asks. */
  public int minimumDays() {
    return minimumDays;
  }

  /** How often each replica checks whether the daily retention run is due. */
  public int scheduleCheckSeconds() {
    return scheduleCheckSeconds;
  }
}
