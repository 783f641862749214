package io.portolan.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A deployment as the API shows it; {@code model} is the model's id. {@code selfHosted} is true
 * when the tenant operates it. Null data terms were not stated.
 */
public record DeploymentView(
    String id,
    String model,
    String operator,
    boolean selfHosted,
    String operatorJurisdiction,
    List<String> regions,
    String endpoint,
    Integer retentionDays,
    Boolean trainsOnPrompts,
    boolean zeroDataRetention,
    DeploymentStatus status,
    Instant availableFrom,
    Instant cutOffAt,
    Instant createdAt,
    Instant updatedAt) {}
