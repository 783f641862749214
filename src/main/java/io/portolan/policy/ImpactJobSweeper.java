package io.portolan.policy;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.tenancy.TenantRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks failed the analyses whose replica died: a running job renews its heartbeat after every
 * batch, so one silent for {@code portolan.impact.stale-seconds} is not coming back. Every replica
 * looks; the update is conditional, so looking twice does no harm.
 */
@ApplicationScoped
public class ImpactJobSweeper {
  private static final Logger LOG = Logger.getLogger(ImpactJobSweeper.class.getName());
  static final int EVERY_SECONDS = 5;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject TenantRegistry tenants;
  @Inject ImpactJobRepository jobs;

  @Inject PolicyConfig config;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    task =
        scheduler.scheduleWithFixedDelay(
            this::sweep, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) task.cancel(false);
  }

  void sweep() {
    try {
      for (TenantId tenant : tenants.ids()) {
        int failed = jobs.failStale(tenant, config.impactStaleSeconds());
        if (failed > 0) {
          LOG.warning(
              () ->
                  failed
                      + " impact analyses of "
                      + tenant.value()
                      + " marked failed: no heartbeat");
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "impact analysis sweep failed", e);
    }
  }
}
