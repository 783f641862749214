package io.portolan.sdk;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Queues usage reports and sends them in batches (an array body) from one daemon thread: every
 * second, or as soon as 100 are queued. Each batch gets an Idempotency-Key when it is formed and
 * keeps it through every retry, so a batch whose answer was lost is still stored once.
 */
final class UsageReporter {
  static final int BATCH_SIZE = 100;
  static final int MAX_QUEUED = 10_000;
  private static final System.Logger LOG = System.getLogger(UsageReporter.class.getName());

  /** Sends one batch; throws PortolanUnavailableException to try again later, PortolanProblemException to drop it. */
  interface Sender {
    void send(Batch batch);
  }

  record Batch(String idempotencyKey, List<UsageReport> reports) {}

  private final Sender sender;
  private final LinkedBlockingQueue<UsageReport> queued = new LinkedBlockingQueue<>(MAX_QUEUED);
  private final ScheduledExecutorService worker;
  private final AtomicBoolean fullBatchScheduled = new AtomicBoolean();
  private Batch unsent; // only touched on the worker thread

  UsageReporter(Sender sender) {
    this.sender = sender;
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "portolan-usage");
      thread.setDaemon(true); // never keeps an application alive; close() flushes
      return thread;
    });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.worker = executor;
    worker.scheduleWithFixedDelay(this::sendQueued, 1, 1, TimeUnit.SECONDS);
  }

  void add(UsageReport report) {
    if (worker.isShutdown()) {
      throw new IllegalStateException("the Portolan client is closed");
    }
    if (!queued.offer(report)) {
      LOG.log(Level.WARNING, "usage queue full ({0} reports): dropped a report for decision {1}",
          MAX_QUEUED, report.decisionId());
      return;
    }
    if (queued.size() >= BATCH_SIZE && fullBatchScheduled.compareAndSet(false, true)) {
      worker.execute(() -> {
        fullBatchScheduled.set(false);
        sendQueued();
      });
    }
  }

  /** Sends everything queued now and waits; true when nothing is left unsent. */
  boolean flush() {
    if (worker.isShutdown()) {
      return queued.isEmpty(); // closed: close() already flushed
    }
    try {
      return worker.submit(this::sendQueued).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("usage flush failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Flushes, then stops the worker. */
  void close() {
    if (worker.isShutdown()) {
      return;
    }
    boolean allSent = flush();
    worker.shutdown();
    if (!allSent) {
      LOG.log(Level.WARNING, "closing with {0} usage reports unsent",
          queued.size() + (unsent == null ? 0 : unsent.reports().size()));
    }
  }

  /** Runs on the worker thread only. Stops at the first batch that cannot be sent; it goes first next time. */
  private boolean sendQueued() {
    if (unsent != null) {
      if (!trySend(unsent)) {
        return false;
      }
      unsent = null;
    }
    while (!queued.isEmpty()) {
      List<UsageReport> reports = new ArrayList<>(BATCH_SIZE);
      queued.drainTo(reports, BATCH_SIZE);
      Batch batch = new Batch(UUID.randomUUID().toString(), reports);
      if (!trySend(batch)) {
        unsent = batch;
        return false;
      }
    }
    return true;
  }

  /** True when the batch is done with: stored, or refused for good (a retry would be refused too). */
  private boolean trySend(Batch batch) {
    try {
      sender.send(batch);
      return true;
    } catch (PortolanUnavailableException e) {
      LOG.log(Level.DEBUG, "usage batch {0} not sent, will retry: {1}", batch.idempotencyKey(), e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "usage batch {0} of {1} reports refused, dropped: {2}",
          batch.idempotencyKey(), batch.reports().size(), e.getMessage());
      return true;
    }
  }
}
