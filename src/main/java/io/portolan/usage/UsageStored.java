package io.portolan.usage;

import io.portolan.infrastructure.persistence.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Usage just stored, fired inside the transaction that stores it, so what keeps totals of usage
 * (the spend rollup) changes with it or not at all. A replayed report fires nothing.
 */
public record UsageStored(TenantId tenant, List<Call> calls) {
  /**
   * One call: the team, data classification and time of its decision, and what it used. {@code
   * costMicros} is null when not reported; {@code deployment} is where the decision routed the
   * call, null when it named none.
   */
  public record Call(
      String team,
      String classification,
      Instant decidedAt,
      String model,
      int inputTokens,
      int outputTokens,
      Long costMicros,
      String deployment) {}
}
