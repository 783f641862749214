package io.portolan.decision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.portolan.infrastructure.opa.EmbeddedOpa;
import io.portolan.infrastructure.persistence.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the embedded engine's answers. An answer is reused only for the same question, under
 * the same version of the tenant's policy data (every publish, approval or inventory change puts a
 * new one), and while no time boundary has passed since (an approval's expiry, a cut-off): the
 * policy reads the clock only to compare it with those ({@link TimeBoundaries}).
 */
@ApplicationScoped
public class DecisionCache {
  @Inject EmbeddedOpa embedded;

  @Inject DecisionConfig config;

  private Cache<Question, Remembered> answers;
  private final Map<String, Expiries> expiries = new ConcurrentHashMap<>();

  /** Everything a decision depends on besides the data and the clock. */
  record Question(
      String tenant,
      String team,
      String model,
      String purpose,
      DataClassification classification,
      String region,
      TaskTier taskTier,
      String deployment) {
    static Question of(TenantId tenant, DecisionRequest request) {
      return new Question(
          tenant.value(),
          request.team(),
          request.model(),
          request.purpose(),
          request.dataClassification(),
          request.region(),
          request.taskTier(),
          request.deployment());
    }
  }

  /** The tenant's data version a lookup found, and when the answers it may reuse stop holding. */
  record Lookup(
      long version,
      long storedVersion,
      TimeBoundaries.Interval interval,
      Optional<Verdict> verdict) {
    static final Lookup NONE = new Lookup(-1, -1, null, Optional.empty());

    boolean rememberable() {
      return version >= 0;
    }
  }

  private record Remembered(long version, TimeBoundaries.Interval interval, Verdict verdict) {}

  private record Expiries(long version, TimeBoundaries expiries) {}

  @PostConstruct
  void start() {
    answers = Caffeine.newBuilder().maximumSize(Math.max(config.cacheEntries(), 0)).build();
  }

  /** Before evaluating: the remembered answer, if one holds at {@code nowMs}. */
  Lookup lookup(Question question, long nowMs) {
    if (config.cacheEntries() <= 0) {
      return Lookup.NONE;
    }
    Optional<EmbeddedOpa.TenantData> data = embedded.tenantData(question.tenant());
    if (data.isEmpty()) {
      return Lookup.NONE;
    }
    long version = data.get().version();
    TimeBoundaries.Interval interval = expiries(question.tenant(), data.get()).around(nowMs);
    Remembered known = answers.getIfPresent(question);
    boolean holds = known != null && known.version() == version && known.interval().contains(nowMs);
    return new Lookup(
        version,
        data.get().storedVersion(),
        interval,
        holds ? Optional.of(known.verdict()) : Optional.empty());
  }

  /** After the embedded engine answered a question that {@link #lookup} did not find. */
  void remember(Question question, Lookup lookup, Verdict verdict) {
    if (lookup.rememberable()) {
      answers.put(question, new Remembered(lookup.version(), lookup.interval(), verdict));
    }
  }

  private TimeBoundaries expiries(String tenant, EmbeddedOpa.TenantData data) {
    Expiries known = expiries.get(tenant);
    if (known != null && known.version() == data.version()) {
      return known.expiries();
    }
    TimeBoundaries computed = TimeBoundaries.of(data.document());
    expiries.merge(
        tenant,
        new Expiries(data.version(), computed),
        (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    return computed;
  }
}
