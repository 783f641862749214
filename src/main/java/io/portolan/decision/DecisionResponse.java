package io.portolan.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer: allow or not, every reason that denied, the policy revision it came from, when it was
 * evaluated, until when a gateway may cache it, and for an allowed call where to send it (left out
 * when no deployment of the model qualifies), and for a question that asked for an alias, the model
 * it resolved to.
 */
public record DecisionResponse(
    UUID decisionId,
    boolean allow,
    List<Reason> reasons,
    List<Obligation> obligations,
    List<Alternative> alternatives,
    String policyRevision,
    Instant evaluatedAt,
    Instant expiresAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Route route,
    @JsonInclude(JsonInclude.Include.NON_NULL) AliasResolution alias) {}
