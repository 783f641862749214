package io.portolan.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A model the team may use instead, with why it qualifies and the deployment a call to it would be
 * routed to (left out when none of its deployments qualifies); {@code alias} names an alias that
 * lists the denied model and resolves to this one for the same question (ask for it instead).
 */
public record Alternative(
    String model,
    String vendor,
    String jurisdiction,
    String why,
    @JsonInclude(JsonInclude.Include.NON_NULL) Route route,
    @JsonInclude(JsonInclude.Include.NON_NULL) String alias) {}
