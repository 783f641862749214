package io.portolan.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The batching rules with a recording sender in place of the HTTP call. */
class UsageReporterTest {
  private final List<UsageReporter.Batch> sent = new CopyOnWriteArrayList<>();

  @Test
  void aHundredQueuedReportsGoAtOnceWithoutWaitingForTheTick() throws Exception {
    UsageReporter reporter = new UsageReporter((batch, trace) -> sent.add(batch));
    for (int i = 0; i < UsageReporter.BATCH_SIZE; i++) {
      reporter.add(report(i));
    }
    long deadline = System.currentTimeMillis() + 500; // the first tick is a second away
    while (sent.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(1, sent.size());
    assertEquals(UsageReporter.BATCH_SIZE, sent.get(0).reports().size());
    reporter.close();
  }

  @Test
  void flushSendsBatchesOfAtMostAHundredEachWithItsOwnKey() {
    UsageReporter reporter = new UsageReporter((batch, trace) -> sent.add(batch));
    for (int i = 0; i < 250; i++) {
      reporter.add(report(i));
    }
    assertTrue(reporter.flush());
    assertEquals(250, sent.stream().mapToInt(b -> b.reports().size()).sum());
    assertTrue(sent.stream().allMatch(b -> b.reports().size() <= UsageReporter.BATCH_SIZE));
    assertEquals(
        sent.size(), sent.stream().map(UsageReporter.Batch::idempotencyKey).distinct().count());
    reporter.close();
  }

  @Test
  void aFailedBatchIsRetriedLaterWithTheSameKey() {
    AtomicInteger calls = new AtomicInteger();
    UsageReporter reporter =
        new UsageReporter(
            (batch, trace) -> {
              sent.add(batch);
              if (calls.incrementAndGet() == 1) {
                throw new PortolanUnavailableException("down");
              }
            });
    reporter.add(report(1));
    assertFalse(reporter.flush(), "first flush: Portolan down, kept");
    reporter.add(report(2));
    assertTrue(reporter.flush());

    assertEquals(sent.get(0).idempotencyKey(), sent.get(1).idempotencyKey());
    assertEquals(sent.get(0).reports(), sent.get(1).reports());
    assertEquals(3, sent.size(), "then the report queued meanwhile, in a batch of its own");
    reporter.close();
  }

  @Test
  void aRefusedBatchIsDroppedAndReportingAfterCloseIsAnError() {
    UsageReporter reporter =
        new UsageReporter(
            (batch, trace) -> {
              throw new PortolanProblemException(
                  422,
                  "https://portolan.dev/problems/unknown-decision",
                  "Unknown decision",
                  null,
                  null);
            });
    reporter.add(report(1));
    assertTrue(reporter.flush(), "a retry would be refused too");
    reporter.close();
    assertThrows(IllegalStateException.class, () -> reporter.add(report(2)));
  }

  private static UsageReport report(int i) {
    return new UsageReport(
        "00000000-0000-0000-0000-" + String.format("%012d", i), "gpt-4o", i, i, i);
  }
}
