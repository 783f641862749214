package io.portolan.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  private static final int CALLERS = 64;

  @Test
  void everyAppendReturnsOnlyAfterItsItemIsStored() throws Exception {
    List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> commits =
        new GroupCommit<>(
            batch -> {
              stored.addAll(batch);
              return Map.of();
            },
            100,
            1000,
            0,
            Thread::new);
    for (int i = 0; i < 10; i++) {
      commits.append(i, 1000);
      assertTrue(stored.contains(i), "item " + i + " acknowledged before it was stored");
    }
    commits.close();
  }

  @Test
  void concurrentCallersShareCommits() throws Exception {
    List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstBatchBlocked = new CountDownLatch(1);
    GroupCommit<Integer> commits =
        new GroupCommit<>(
            batch -> {
              batchSizes.add(batch.size());
              firstBatchBlocked.await(5, TimeUnit.SECONDS); // hold the writer so callers queue up
              return Map.of();
            },
            1000,
            1000,
            0,
            Thread::new);
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      int item = i;
      calls.add(
          pool.submit(
              () -> {
                commits.append(item, 10_000);
                return null;
              }));
    }
    Thread.sleep(200);
    firstBatchBlocked.countDown();
    for (Future<?> call : calls) {
      call.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    commits.close();
    assertEquals(CALLERS, batchSizes.stream().mapToInt(Integer::intValue).sum());
    assertTrue(
        batchSizes.size() < CALLERS / 2, "expected shared commits, got batches " + batchSizes);
  }

  @Test
  void aFailedStoreFailsEveryCallerOfThatBatch() throws Exception {
    GroupCommit<String> commits =
        new GroupCommit<>(
            batch -> {
              throw new java.sql.SQLException("database down", "08006");
            },
            10,
            10,
            0,
            Thread::new);
    GroupCommit.NotStoredException e =
        assertThrows(GroupCommit.NotStoredException.class, () -> commits.append("decision", 1000));
    assertTrue(e.getMessage().contains("database down"));
    commits.close();
  }

  @Test
  void itemsThatFailAloneFailAloneAndTheRestAreAcknowledged() throws Exception {
    GroupCommit<String> commits =
        new GroupCommit<>(
            batch ->
                batch.contains("bad")
                    ? Map.of("bad", new IllegalStateException("refused"))
                    : Map.of(),
            10,
            10,
            0,
            Thread::new);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<?> good =
        pool.submit(
            () -> {
              commits.append("good", 2000);
              return null;
            });
    GroupCommit.NotStoredException e =
        assertThrows(GroupCommit.NotStoredException.class, () -> commits.append("bad", 2000));
    assertTrue(e.getMessage().contains("refused"));
    good.get(5, TimeUnit.SECONDS);
    pool.shutdown();
    commits.close();
  }

  @Test
  void aStoreThatHangsTimesOutInsteadOfAcknowledging() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit<String> commits =
        new GroupCommit<>(
            batch -> {
              release.await();
              return Map.of();
            },
            10,
            10,
            300,
            Thread::new);
    GroupCommit.NotStoredException e =
        assertThrows(GroupCommit.NotStoredException.class, () -> commits.append("decision", 200));
    assertTrue(e.getMessage().contains("did not end within 500 ms"), e.getMessage());
    release.countDown();
    commits.close();
  }

  @Test
  void anItemWhoseCallerGaveUpBeforeItsStoreBeganIsNeverStored() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> stored = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<String> commits =
        new GroupCommit<>(
            batch -> {
              release.await(); // the log is slow: the first batch holds the writer
              stored.addAll(batch);
              return Map.of();
            },
            10,
            10,
            0,
            Thread::new);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<?> first =
        pool.submit(
            () -> {
              commits.append("in the slow batch", 5000);
              return null;
            });
    Thread.sleep(100); // the writer has taken the first item and waits
    assertThrows(
        GroupCommit.NotStoredException.class, () -> commits.append("refused while waiting", 200));
    release.countDown();
    first.get(5, TimeUnit.SECONDS);
    commits.append("after", 1000);
    pool.shutdown();
    commits.close();
    assertEquals(
        List.of("in the slow batch", "after"), stored, "a refused decision must not be logged");
  }

  @Test
  void anItemWhoseStoreBeganIsAnsweredByThatStoreNotByTheTimeout() throws Exception {
    List<String> stored = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<String> commits =
        new GroupCommit<>(
            batch -> {
              Thread.sleep(500); // slower than the caller's timeout, within its grace
              stored.addAll(batch);
              return Map.of();
            },
            10,
            10,
            5_000,
            Thread::new);
    commits.append("committed late", 100);
    assertEquals(List.of("committed late"), stored, "acknowledged means stored");
    commits.close();
  }
}
