package io.portolan.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer: allow or not, every reason that denied, the policy revision it came from, when it
 * was evaluated, and until when a gateway may cache it.
 */
public record DecisionResponse(
    UUID decisionId,
    boolean allow,
    List<Reason> reasons,
    List<Obligation> obligations,
    List<Alternative> alternatives,
    String policyRevision,
    Instant evaluatedAt,
    Instant expiresAt) {}
