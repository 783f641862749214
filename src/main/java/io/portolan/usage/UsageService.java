package io.portolan.usage;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.usage.UsageRepository.Decided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores usage reports. Each must name a decision of the reporting tenant; a batch is stored whole
 * or not at all; a key seen before stores nothing again and answers as the first time did.
 */
@ApplicationScoped
@Transactional
public class UsageService {
  @Inject UsageRepository usage;
  @Inject Event<UsageStored> stored;

  /** What a report did: how many records it stored (or had stored), and whether it was a replay. */
  public record Stored(int records, boolean replayed, String idempotencyKey) {}

  public Stored store(
      TenantId tenant, String clientId, String idempotencyKey, List<UsageReport> reports) {
    String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    if (!usage.claimReport(tenant, key, reports.size(), clientId)) {
      return new Stored(usage.reportedRecords(tenant, key), true, key);
    }
    Map<String, Decided> decisions = requireKnownDecisions(tenant, reports);
    // One writer per tenant at a time keeps the chain in order.
    usage.lockChain(tenant);
    // After a retention run removed every record, the chain goes on from its checkpoint, not from
    // genesis.
    Optional<UsageRepository.Link> last = usage.lastLink(tenant);
    long seq = last.map(UsageRepository.Link::seq).orElse(0L);
    String previous = last.map(UsageRepository.Link::hash).orElse("genesis");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<UsageRepository.Chained> records = new ArrayList<>();
    for (UsageReport r : reports) {
      seq++;
      UsageChain.Content content =
          new UsageChain.Content(
              seq,
              r.decisionId(),
              r.model(),
              r.inputTokens(),
              r.outputTokens(),
              r.latencyMs(),
              r.costMicros(),
              key,
              clientId,
              now);
      String hash = UsageChain.hash(content, previous);
      records.add(new UsageRepository.Chained(content, previous, hash));
      previous = hash;
    }
    usage.insertRecords(tenant, records);
    stored.fire(
        new UsageStored(
            tenant,
            reports.stream()
                .map(
                    r -> {
                      Decided decided = decisions.get(r.decisionId().toLowerCase());
                      return new UsageStored.Call(
                          decided.team(),
                          decided.classification(),
                          decided.at(),
                          r.model(),
                          r.inputTokens(),
                          r.outputTokens(),
                          r.costMicros(),
                          decided.deployment());
                    })
                .toList()));
    return new Stored(reports.size(), false, key);
  }

  /**
   * The reports' decisions by id; 422 naming every item whose decision this tenant never made
   * (another tenant's looks the same).
   */
  private Map<String, Decided> requireKnownDecisions(TenantId tenant, List<UsageReport> reports) {
    Map<String, Decided> known =
        usage.decisions(tenant, reports.stream().map(r -> r.decisionId().toLowerCase()).toList());
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      if (!known.containsKey(reports.get(i).decisionId().toLowerCase())) {
        errors.add(
            new Problem.FieldError(
                "[" + i + "].decisionId", "no decision of this tenant has this id"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          422,
          ProblemTypes.UNKNOWN_DECISION,
          "Unknown decision",
          errors.size()
              + " of "
              + reports.size()
              + " reports name no decision of this tenant; nothing was stored",
          errors);
    }
    return known;
  }
}
