package io.portolan.decision;

import io.portolan.infrastructure.persistence.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the decision log: what was asked, by whom, and the answer (with the obligations of an
 * allowed use, which are on the record as the reasons are); {@code dataVersion} is the tenant's
 * data version it was evaluated on, which the log checks against the database's; {@code deployment}
 * the deployment an allowed call was routed to (the question's own, if it named one, is in the
 * request), null for a deny or when none qualified; {@code alias} the alias the question asked for
 * (the request then names the model it resolved to), or null.
 */
public record DecisionLogEntry(
    UUID decisionId,
    TenantId tenant,
    String clientId,
    DecisionRequest request,
    boolean allow,
    List<Reason> reasons,
    List<Obligation> obligations,
    String policyRevision,
    Instant evaluatedAt,
    Source source,
    long dataVersion,
    String deployment,
    String alias) {

  /**
   * For entries not evaluated here (sidecar uploads): the log takes them whatever the data version.
   */
  public static final long ANY_DATA_VERSION = -1;

  public DecisionLogEntry(
      UUID decisionId,
      TenantId tenant,
      String clientId,
      DecisionRequest request,
      boolean allow,
      List<Reason> reasons,
      List<Obligation> obligations,
      String policyRevision,
      Instant evaluatedAt,
      Source source,
      String deployment,
      String alias) {
    this(
        decisionId,
        tenant,
        clientId,
        request,
        allow,
        reasons,
        obligations,
        policyRevision,
        evaluatedAt,
        source,
        ANY_DATA_VERSION,
        deployment,
        alias);
  }

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
