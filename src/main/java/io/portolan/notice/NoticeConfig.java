package io.portolan.notice;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Notices' settings (portolan.notices.*). Defaults: docs/configuration.md. */
@Dependent
public class NoticeConfig {
  @Inject
  @ConfigProperty(name = "portolan.notices.check-seconds", defaultValue = "3600")
  int checkSeconds;

  NoticeConfig() {}

  /** How often each replica looks for notices due (cut-offs, expiring approvals). */
  public int checkSeconds() {
    return checkSeconds;
  }
}
