package io.portolan.audit;

import io.portolan.ledger.TimeWindow;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/** Which audit-trail records: a time window, optionally one actor and one kind of item. */
public class ChangeLogFilter extends TimeWindow {
  @QueryParam("actor")
  @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a user or client name")
  String actor;

  @QueryParam("entityType")
  @Pattern(
      regexp =
          "vendor|model|deployment|alias|price|budget|dependency-ceilings|team|policy-settings|policy-revision|approval-request|approval|gateway"
              + "|bundle-signing-key|retention-policy|log",
      message =
          "must be one of: vendor, model, deployment, alias, price, budget, dependency-ceilings,"
              + " team, policy-settings, policy-revision, approval-request, approval, gateway,"
              + " bundle-signing-key, retention-policy, log")
  String entityType;
}
