package io.portolan.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A model as the API shows it; {@code vendor} is the vendor's id. {@code deployments} is filled
 * only when one model is read, and left out of lists and of the audit trail.
 */
public record ModelView(
    String id,
    String displayName,
    String vendor,
    List<String> hostingRegions,
    boolean openWeights,
    boolean selfHostable,
    String licence,
    List<String> capabilities,
    CostTier costTier,
    ModelStatus status,
    Instant cutOffAt,
    String cutOffReason,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<DeploymentView> deployments) {
  ModelView withDeployments(List<DeploymentView> of) {
    return new ModelView(
        id,
        displayName,
        vendor,
        hostingRegions,
        openWeights,
        selfHostable,
        licence,
        capabilities,
        costTier,
        status,
        cutOffAt,
        cutOffReason,
        createdAt,
        updatedAt,
        of);
  }
}
