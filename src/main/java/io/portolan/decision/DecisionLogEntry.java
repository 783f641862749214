package io.portolan.decision;

import io.portolan.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the decision log: what was asked, by whom, and the answer. */
public record DecisionLogEntry(
    UUID decisionId,
    TenantId tenant,
    String clientId,
    DecisionRequest request,
    boolean allow,
    List<Reason> reasons,
    String policyRevision,
    Instant evaluatedAt,
    Source source) {

  /** Who decided: Portolan's API, or a gateway's OPA that uploaded its decision log. */
  public enum Source {
    API("api"),
    OPA_SIDECAR("opa-sidecar");

    final String column;

    Source(String column) {
      this.column = column;
    }
  }
}
