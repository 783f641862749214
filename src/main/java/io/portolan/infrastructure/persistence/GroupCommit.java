package io.portolan.infrastructure.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Group commit: callers append items and wait; one writer thread takes everything queued so far and
 * stores it in one transaction, then releases all those callers together. Under load a batch grows
 * to the number of waiting callers, so one commit serves many requests.
 *
 * @param <T> the item stored
 */
public final class GroupCommit<T> {
  /**
   * Stores one batch durably. Throws when nothing was stored; returns the items that could not be
   * stored (with why) when only part of the batch failed, an empty map when all were stored.
   */
  @FunctionalInterface
  public interface BatchStore<T> {
    java.util.Map<T, Exception> store(List<T> batch) throws Exception;
  }

  /**
   * Sees each batch the writer stored (or failed to): how many, how long the oldest waited, how
   * long the store took.
   */
  @FunctionalInterface
  public interface Observer {
    Observer NONE = (size, oldestWaitNanos, storeNanos) -> {};

    void batchStored(int size, long oldestWaitNanos, long storeNanos);
  }

  /** The item could not be stored (or not in time); nothing acknowledged it. */
  public static final class NotStoredException extends Exception {
    NotStoredException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * An item and its caller. The writer claims it before storing; a caller that gives up first
   * abandons it, so a decision refused for a slow log is not logged after all. A caller whose item
   * was claimed waits for that store to end instead, so what is logged is what was acknowledged.
   */
  private record Pending<T>(
      T item, CompletableFuture<Void> stored, AtomicReference<State> state, long queuedAt) {
    Pending(T item) {
      this(
          item, new CompletableFuture<>(), new AtomicReference<>(State.WAITING), System.nanoTime());
    }

    boolean claim() {
      return state.compareAndSet(State.WAITING, State.CLAIMED);
    }

    /** True when the item will never be stored; false when the writer already claimed it. */
    boolean abandon() {
      return state.compareAndSet(State.WAITING, State.ABANDONED) || state.get() == State.ABANDONED;
    }
  }

  private enum State {
    WAITING,
    CLAIMED,
    ABANDONED
  }

  private final BlockingQueue<Pending<T>> queue;
  private final BatchStore<T> store;
  private final int maxBatch;
  private final long claimedGraceMillis;
  private final Thread writer;
  private final Observer observer;
  private volatile boolean running = true;

  /**
   * @param claimedGraceMillis how much longer than its timeout a caller waits once its items' store
   *     has begun: that store's outcome, not the caller's patience, then decides the answer
   */
  public GroupCommit(
      BatchStore<T> store,
      int maxBatch,
      int capacity,
      long claimedGraceMillis,
      ThreadFactory threads) {
    this(store, maxBatch, capacity, claimedGraceMillis, threads, Observer.NONE);
  }

  /** As above, telling {@code observer} of every batch (from the writer thread). */
  public GroupCommit(
      BatchStore<T> store,
      int maxBatch,
      int capacity,
      long claimedGraceMillis,
      ThreadFactory threads,
      Observer observer) {
    this.observer = observer;
    this.store = store;
    this.maxBatch = maxBatch;
    this.claimedGraceMillis = claimedGraceMillis;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = threads.newThread(this::run);
    this.writer.setName("group-commit");
    this.writer.start();
  }

  /** Returns once the item is committed; throws when it was not stored within the timeout. */
  public void append(T item, long timeoutMillis) throws NotStoredException {
    appendAll(List.of(item), timeoutMillis);
  }

  /** Appends several items and returns once all are committed. */
  public void appendAll(List<T> items, long timeoutMillis) throws NotStoredException {
    List<Pending<T>> queued = new ArrayList<>(items.size());
    try {
      for (T item : items) {
        Pending<T> pending = new Pending<>(item);
        if (!running || !queue.offer(pending, timeoutMillis, TimeUnit.MILLISECONDS)) {
          throw new NotStoredException("the log queue is full or closed", null);
        }
        queued.add(pending);
      }
      try {
        all(queued).get(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        awaitClaimed(queued, timeoutMillis, e);
      }
      queued.clear();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotStoredException("interrupted", e);
    } catch (ExecutionException e) {
      throw new NotStoredException("the log store failed: " + e.getCause(), e.getCause());
    } finally {
      queued.forEach(Pending::abandon); // those not yet claimed by the writer are never stored
    }
  }

  /**
   * After the caller's timeout: items not yet claimed are abandoned and the call fails; when all
   * were claimed, their store is under way and its outcome is awaited a while longer.
   */
  private void awaitClaimed(List<Pending<T>> queued, long timeoutMillis, TimeoutException timeout)
      throws NotStoredException, InterruptedException, ExecutionException {
    boolean anyAbandoned = false;
    for (Pending<T> pending : queued) {
      anyAbandoned |= pending.abandon();
    }
    if (anyAbandoned) {
      throw new NotStoredException(
          "the log store did not begin within " + timeoutMillis + " ms", timeout);
    }
    try {
      all(queued).get(claimedGraceMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new NotStoredException(
          "the log store did not end within " + (timeoutMillis + claimedGraceMillis) + " ms", e);
    }
  }

  private static CompletableFuture<Void> all(List<? extends Pending<?>> queued) {
    return CompletableFuture.allOf(
        queued.stream().map(Pending::stored).toArray(CompletableFuture[]::new));
  }

  /** Items waiting for the writer now. */
  public int queued() {
    return queue.size();
  }

  /** Stops taking items, stores what is queued, and ends the writer. */
  public void close() throws InterruptedException {
    running = false;
    writer.join(10_000);
  }

  private void run() {
    List<Pending<T>> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        storeBatch(batch);
      } catch (InterruptedException e) {
        running = false;
      } finally {
        batch.clear();
      }
    }
  }

  private void storeBatch(List<Pending<T>> taken) {
    List<Pending<T>> batch = taken.stream().filter(Pending::claim).toList();
    if (batch.isEmpty()) {
      return;
    }
    long storeStarted = System.nanoTime();
    try {
      java.util.Map<T, Exception> failed = store.store(batch.stream().map(Pending::item).toList());
      for (Pending<T> p : batch) {
        Exception failure = failed.get(p.item());
        if (failure == null) {
          p.stored().complete(null);
        } else {
          p.stored().completeExceptionally(failure);
        }
      }
    } catch (Exception | Error e) {
      batch.forEach(p -> p.stored().completeExceptionally(e));
    } finally {
      observer.batchStored(
          batch.size(), storeStarted - batch.get(0).queuedAt(), System.nanoTime() - storeStarted);
    }
  }
}
