package io.portolan.usage;

import io.portolan.infrastructure.web.Slugs;
import io.portolan.ledger.TimeWindow;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/**
 * Which usage records: a time window on reportedAt, and optionally the decision's team, a model.
 */
public class UsageLogFilter extends TimeWindow {
  @QueryParam("team")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String team;

  @QueryParam("model")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String model;
}
