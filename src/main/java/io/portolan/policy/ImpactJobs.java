package io.portolan.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Impact analyses as jobs. The replica that accepts one reads the draft at once (the analysis is of
 * the draft as it was then) and replays the log on its own executor; everything others need to see
 * (status, progress, the cancel flag, the report) is in {@code impact_analysis}, so any replica
 * answers for a job and a cancel sent to any replica stops it.
 */
@ApplicationScoped
public class ImpactJobs {
  private static final Logger LOG = Logger.getLogger(ImpactJobs.class.getName());

  /** Unfinished analyses a tenant may have at once: each holds a connection and an engine. */
  static final int UNFINISHED_PER_TENANT = 3;

  @Resource ManagedExecutorService executor;
  @Inject ImpactAnalysis analysis;
  @Inject ImpactJobRepository jobs;

  public ImpactJobView start(TenantId tenant, ImpactRequest requested, String requestedBy) {
    ImpactRequest window = analysis.window(requested);
    ObjectNode draft = analysis.draft(tenant);
    UUID id =
        jobs.queue(tenant, window, requestedBy, UNFINISHED_PER_TENANT)
            .orElseThrow(
                () ->
                    ProblemException.conflict(
                        ProblemTypes.TOO_MANY_ANALYSES,
                        "at most "
                            + UNFINISHED_PER_TENANT
                            + " impact analyses may run at once; wait for one or cancel it"));
    executor.execute(() -> run(tenant, id, draft, window));
    return get(tenant, id);
  }

  public ImpactJobView get(TenantId tenant, UUID id) {
    return jobs.find(tenant, id)
        .orElseThrow(() -> ProblemException.notFound("impact analysis", id.toString()));
  }

  public PageView<ImpactJobView> recent(TenantId tenant, int page, int size) {
    return new PageView<>(jobs.recent(tenant, page * size, size), jobs.count(tenant), page, size);
  }

  public ImpactJobView cancel(TenantId tenant, UUID id) {
    if (!jobs.cancel(tenant, id)) {
      throw ProblemException.notFound("impact analysis", id.toString());
    }
    return get(tenant, id);
  }

  void run(TenantId tenant, UUID id, ObjectNode draft, ImpactRequest window) {
    try {
      if (!jobs.claim(tenant, id, runner(), analysis.count(tenant, window))) {
        return; // cancelled while queued
      }
      ImpactReport report =
          analysis.replay(tenant, draft, window, replayed -> jobs.progress(tenant, id, replayed));
      jobs.finish(tenant, id, report);
    } catch (ImpactAnalysis.Stopped stopped) {
      jobs.stop(tenant, id, "stopped");
    } catch (ProblemException e) {
      jobs.stop(tenant, id, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "impact analysis " + id + " failed", e);
      jobs.stop(tenant, id, "the analysis failed unexpectedly; see the server log");
    }
  }

  private static String runner() {
    return ProcessHandle.current().pid() + "@" + hostName();
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown";
    }
  }
}
