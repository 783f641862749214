package io.portolan.alias;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An alias as the API shows it: the published candidates decisions resolve it by, and the draft
 * waiting to replace them (left out when there is none).
 */
public record Alias(
    String id,
    @JsonInclude(JsonInclude.Include.NON_NULL) String description,
    List<AliasCandidate> candidates,
    @JsonInclude(JsonInclude.Include.NON_NULL) Draft draft,
    Instant createdAt,
    Instant publishedAt) {

  /** Candidates drafted to replace the published ones, with when and by whom. */
  public record Draft(
      @JsonInclude(JsonInclude.Include.NON_NULL) String description,
      List<AliasCandidate> candidates,
      Instant draftedAt,
      String draftedBy) {}
}
