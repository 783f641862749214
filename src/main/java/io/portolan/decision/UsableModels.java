package io.portolan.decision;

import com.fasterxml.jackson.databind.JsonNode;

/** The models a team may use now; {@code models} as the catalog policy lists them. */
public record UsableModels(
    String team,
    String purpose,
    String dataClassification,
    String region,
    String taskTier,
    String policyRevision,
    JsonNode models) {}
