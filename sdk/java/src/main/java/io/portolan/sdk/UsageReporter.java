package io.portolan.sdk;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Queues usage reports and sends them in batches (an array body) from one daemon thread: every
 * second, or as soon as 100 are queued. Each batch gets an Idempotency-Key when it is formed and
 * keeps it through every retry, so a batch whose answer was lost is still stored once. Batches sent
 * for a caller ({@link #flush}, {@link #close}, a full batch queued by {@link #add}) carry the
 * caller's trace context, taken in the caller's thread; those of the timer belong to no caller's
 * trace and carry none.
 */
final class UsageReporter {
  static final int BATCH_SIZE = 100;
  static final int MAX_QUEUED = 10_000;
  private static final System.Logger LOG = System.getLogger(UsageReporter.class.getName());

  /**
   * Sends one batch with the given trace context headers; throws PortolanUnavailableException to
   * try again later, PortolanProblemException to drop it.
   */
  interface Sender {
    void send(Batch batch, Map<String, String> traceHeaders);
  }

  record Batch(String idempotencyKey, List<UsageReport> reports) {}

  private final Sender sender;
  private final Supplier<Map<String, String>> traceContext;
  private final LinkedBlockingQueue<UsageReport> queued = new LinkedBlockingQueue<>(MAX_QUEUED);
  private final ScheduledExecutorService worker;
  private final AtomicBoolean fullBatchScheduled = new AtomicBoolean();
  private Batch unsent; // only touched on the worker thread

  UsageReporter(Sender sender) {
    this(sender, Map::of);
  }

  UsageReporter(Sender sender, Supplier<Map<String, String>> traceContext) {
    this.sender = sender;
    this.traceContext = traceContext;
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "portolan-usage");
              thread.setDaemon(true); // never keeps an application alive; close() flushes
              return thread;
            });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.worker = executor;
    worker.scheduleWithFixedDelay(() -> sendQueued(Map.of()), 1, 1, TimeUnit.SECONDS);
  }

  void add(UsageReport report) {
    if (worker.isShutdown()) {
      throw new IllegalStateException("the Portolan client is closed");
    }
    if (!queued.offer(report)) {
      LOG.log(
          Level.WARNING,
          "usage queue full ({0} reports): dropped a report for decision {1}",
          MAX_QUEUED,
          report.decisionId());
      return;
    }
    if (queued.size() >= BATCH_SIZE && fullBatchScheduled.compareAndSet(false, true)) {
      Map<String, String> trace = traceContext.get();
      worker.execute(
          () -> {
            fullBatchScheduled.set(false);
            sendQueued(trace);
          });
    }
  }

  /** Sends everything queued now and waits; true when nothing is left unsent. */
  boolean flush() {
    if (worker.isShutdown()) {
      return queued.isEmpty(); // closed: close() already flushed
    }
    Map<String, String> trace = traceContext.get(); // the caller's, not the worker thread's
    try {
      return worker.submit(() -> sendQueued(trace)).get();
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
      LOG.log(
          Level.WARNING,
          "closing with {0} usage reports unsent",
          queued.size() + (unsent == null ? 0 : unsent.reports().size()));
    }
  }

  /**
   * Runs on the worker thread only. Stops at the first batch that cannot be sent; it goes first
   * next time.
   */
  private boolean sendQueued(Map<String, String> trace) {
    if (unsent != null) {
      if (!trySend(unsent, trace)) {
        return false;
      }
      unsent = null;
    }
    while (!queued.isEmpty()) {
      List<UsageReport> reports = new ArrayList<>(BATCH_SIZE);
      queued.drainTo(reports, BATCH_SIZE);
      Batch batch = new Batch(UUID.randomUUID().toString(), reports);
      if (!trySend(batch, trace)) {
        unsent = batch;
        return false;
      }
    }
    return true;
  }

  /**
   * True when the batch is done with: stored, or refused for good (a retry would be refused too).
   */
  private boolean trySend(Batch batch, Map<String, String> trace) {
    try {
      sender.send(batch, trace);
      return true;
    } catch (PortolanUnavailableException e) {
      LOG.log(
          Level.DEBUG,
          "usage batch {0} not sent, will retry: {1}",
          batch.idempotencyKey(),
          e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "usage batch {0} of {1} reports refused, dropped: {2}",
          batch.idempotencyKey(),
          batch.reports().size(),
          e.getMessage());
      return true;
    }
  }
}
