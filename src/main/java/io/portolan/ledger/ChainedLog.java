package io.portolan.ledger;

import io.portolan.infrastructure.persistence.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A hash-chained log a tenant's auditors can verify. Each log's reader is one, found by {@link
 * #name()} ({@code decisions}, {@code usage}, {@code changes}).
 */
public interface ChainedLog {
  String name();

  /**
   * Recomputes the chain over [from, to): the answer of {@link ChainVerifier#result}, naming the
   * first broken entry.
   */
  Map<String, Object> verify(TenantId tenant, Instant from, Instant to) throws Exception;
}
