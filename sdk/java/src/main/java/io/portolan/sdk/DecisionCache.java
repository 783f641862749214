package io.portolan.sdk;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers kept until their {@code expiresAt}. Every answer names the policy revision that made it;
 * once a fresh answer names another revision, every kept answer may be stale, so all are dropped.
 */
final class DecisionCache {
  static final int MAX_ENTRIES = 10_000;

  private final Clock clock;
  private final Map<DecisionRequest, Decision> answers = new HashMap<>();
  private String policyRevision;

  DecisionCache(Clock clock) {
    this.clock = clock;
  }

  /** The kept answer, marked as from the cache, or null when there is none or it expired. */
  synchronized Decision get(DecisionRequest request) {
    Decision kept = answers.get(request);
    if (kept == null) {
      return null;
    }
    if (!clock.instant().isBefore(kept.expiresAt())) {
      answers.remove(request);
      return null;
    }
    return kept.markedFromCache();
  }

  /** Keeps a fresh answer from Portolan; the SDK's own fail-closed answers are never kept. */
  synchronized void put(DecisionRequest request, Decision fresh) {
    if (fresh.decisionId() == null || fresh.expiresAt() == null) {
      return;
    }
    if (policyRevision != null && !policyRevision.equals(fresh.policyRevision())) {
      answers.clear();
    }
    policyRevision = fresh.policyRevision();
    if (answers.size() >= MAX_ENTRIES) {
      answers.values().removeIf(kept -> !clock.instant().isBefore(kept.expiresAt()));
      if (answers.size() >= MAX_ENTRIES) {
        answers.clear();
      }
    }
    answers.put(request, fresh);
  }

  synchronized int size() {
    return answers.size();
  }
}
