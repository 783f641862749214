package io.portolan.approval;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request with the pre-check findings and its whole history. */
public record ApprovalRequestView(
    UUID id,
    String team,
    String model,
    String purpose,
    String maxDataClassification,
    List<String> regions,
    List<String> deployments,
    String justification,
    Instant requestedUntil,
    String requester,
    String status,
    boolean highRisk,
    List<String> highRiskBecause,
    int requiredApprovals,
    List<String> approvedBy,
    JsonNode findings,
    Instant createdAt,
    Instant updatedAt,
    UUID approvalId,
    List<Event> history) {

  /** One state change: who, when, what and why. */
  public record Event(Instant at, String actor, String action, String comment, JsonNode detail) {}
}
