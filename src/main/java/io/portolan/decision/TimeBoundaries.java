package io.portolan.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The instants at which a tenant's answers can change with nothing else changing: an approval
 * expires, a vendor, model or deployment reaches its cut-off, a deployment becomes available, a
 * budget's month ends, a price starts or ends. Time enters a decision only through these, so
 * between two consecutive ones the same data gives the same answer.
 */
final class TimeBoundaries {
  private final long[] sorted;

  private TimeBoundaries(long[] sorted) {
    this.sorted = sorted;
  }

  /**
   * From a tenant's policy data document (the times are epoch milliseconds, as the policy reads
   * them).
   */
  static TimeBoundaries of(JsonNode tenantDocument) {
    LongStream approvals =
        tenantDocument.path("approvals").findValues("expiresAtMs").stream()
            .mapToLong(JsonNode::asLong);
    LongStream cutOffs =
        Stream.of("vendors", "models", "deployments")
            .flatMap(kind -> stream(tenantDocument.path(kind)))
            .flatMap(node -> Stream.of(node.path("cutOffAtMs"), node.path("availableFromMs")))
            .filter(JsonNode::isNumber)
            .mapToLong(JsonNode::asLong);
    LongStream months =
        tenantDocument.path("budgets").findValues("periodEndMs").stream()
            .mapToLong(JsonNode::asLong);
    // A route ranks deployments by the price in force, so a price's start and end can change it.
    LongStream prices =
        Stream.of("models", "deployments")
            .flatMap(kind -> stream(tenantDocument.path(kind)))
            .flatMap(node -> stream(node.path("prices")))
            .flatMap(price -> Stream.of(price.path("validFromMs"), price.path("validToMs")))
            .filter(JsonNode::isNumber)
            .mapToLong(JsonNode::asLong);
    return new TimeBoundaries(
        LongStream.concat(LongStream.concat(LongStream.concat(approvals, cutOffs), months), prices)
            .distinct()
            .sorted()
            .toArray());
  }

  private static Stream<JsonNode> stream(JsonNode byId) {
    return StreamSupport.stream(byId.spliterator(), false);
  }

  /**
   * The interval [from, until) around {@code nowMs} in which nothing that decides changes with
   * time.
   */
  Interval around(long nowMs) {
    int i = Arrays.binarySearch(sorted, nowMs);
    // The first boundary after now: at it, an approval in force now is no longer, say.
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
