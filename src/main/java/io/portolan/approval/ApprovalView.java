package io.portolan.approval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approval decisions consume: team, model, purpose, up to a classification, in regions, on
 * deployments (none: any), until.
 */
public record ApprovalView(
    UUID id,
    UUID requestId,
    String team,
    String model,
    String purpose,
    String maxDataClassification,
    List<String> regions,
    List<String> deployments,
    Instant expiresAt,
    List<String> approvedBy,
    Instant createdAt,
    Instant revokedAt,
    String revokedBy,
    String revokeReason) {}
