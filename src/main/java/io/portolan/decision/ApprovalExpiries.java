package io.portolan.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * The instants at which one of a tenant's approvals expires. Time enters a decision only through
 * these (an approval is in force while {@code expiresAtMs > nowMs}), so between two consecutive
 * expiries the same data gives the same answer.
 */
final class ApprovalExpiries {
  private final long[] sorted;

  private ApprovalExpiries(long[] sorted) {
    this.sorted = sorted;
  }

  /** From a tenant's policy data document ({@code approvals.<team>.<model>[].expiresAtMs}). */
  static ApprovalExpiries of(JsonNode tenantDocument) {
    long[] all = tenantDocument.path("approvals").findValues("expiresAtMs").stream()
        .mapToLong(JsonNode::asLong).distinct().sorted().toArray();
    return new ApprovalExpiries(all);
  }

  /** The interval [from, until) around {@code nowMs} in which no approval expires. */
  Interval around(long nowMs) {
    int i = Arrays.binarySearch(sorted, nowMs);
    // The first expiry after now: at it, an approval in force now is no longer.
    int next = i >= 0 ? i + 1 : -i - 1;
    long until = next < sorted.length ? sorted[next] : Long.MAX_VALUE;
    long from = next > 0 ? sorted[next - 1] : Long.MIN_VALUE;
    return new Interval(from, until);
  }

  /** Half-open: an answer given at a time in it holds at every time in it. */
  record Interval(long fromMs, long untilMs) {
    boolean contains(long ms) {
      return ms >= fromMs && ms < untilMs;
    }
  }
}
