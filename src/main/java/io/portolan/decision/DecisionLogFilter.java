package io.portolan.decision;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Slugs;
import io.portolan.ledger.TimeWindow;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Which logged decisions: a time window on evaluatedAt, and optionally team, model, deployment,
 * alias, outcome, source, obligation.
 */
public class DecisionLogFilter extends TimeWindow {
  @QueryParam("team")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String team;

  @QueryParam("model")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String model;

  /** Only decisions that named this deployment or were routed to it. */
  @QueryParam("deployment")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String deployment;

  /** Only decisions that asked for this alias. */
  @QueryParam("alias")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String alias;

  @QueryParam("outcome")
  @Pattern(regexp = "allow|deny", message = "must be allow or deny")
  String outcome;

  @QueryParam("source")
  @Pattern(regexp = "api|opa-sidecar", message = "must be api or opa-sidecar")
  String source;

  /** Only decisions that carry this obligation (its code, such as jurisdiction_watchlisted). */
  @QueryParam("obligation")
  @Pattern(
      regexp = "[a-z][a-z0-9_]{0,63}",
      message = "must be an obligation code such as jurisdiction_watchlisted")
  String obligation;

  /**
   * SQL over decision_log, values as parameters in {@link #parameters()} order after tenant, from,
   * to.
   */
  String condition() {
    StringBuilder sql =
        new StringBuilder("tenant_id = ? and evaluated_at >= ? and evaluated_at < ?");
    if (team != null) sql.append(" and team = ?");
    if (model != null) sql.append(" and model = ?");
    if (deployment != null) sql.append(" and (deployment = ? or asked_deployment = ?)");
    if (alias != null) sql.append(" and alias = ?");
    if (outcome != null) sql.append(" and allow = ?");
    if (source != null) sql.append(" and source = ?");
    // The first test is what the partial index decision_log_obligated (db/V15) is defined by.
    if (obligation != null)
      sql.append(
          " and obligations <> '[]' and obligations @> jsonb_build_array(jsonb_build_object('code',"
              + " ?::text))");
    return sql.toString();
  }

  List<Object> parameters() {
    List<Object> values = new ArrayList<>();
    if (team != null) values.add(team);
    if (model != null) values.add(model);
    if (deployment != null) {
      values.add(deployment);
      values.add(deployment);
    }
    if (alias != null) values.add(alias);
    if (outcome != null) values.add(outcome.equals("allow"));
    if (source != null) values.add(source);
    if (obligation != null) values.add(obligation);
    return values;
  }

  /**
   * The statement for {@code sql}, which uses {@link #condition()}, with tenant, window and filters
   * bound.
   */
  PreparedStatement prepare(Connection connection, String sql, TenantId tenant)
      throws SQLException {
    PreparedStatement query = connection.prepareStatement(sql);
    int i = 1;
    query.setString(i++, tenant.value());
    query.setTimestamp(i++, Timestamp.from(from()));
    query.setTimestamp(i++, Timestamp.from(to()));
    for (Object value : parameters()) {
      query.setObject(i++, value);
    }
    return query;
  }

  java.util.Map<String, Object> describe() {
    java.util.Map<String, Object> filters = new java.util.LinkedHashMap<>();
    filters.put("from", from());
    filters.put("to", to());
    if (team != null) filters.put("team", team);
    if (model != null) filters.put("model", model);
    if (deployment != null) filters.put("deployment", deployment);
    if (alias != null) filters.put("alias", alias);
    if (outcome != null) filters.put("outcome", outcome);
    if (source != null) filters.put("source", source);
    if (obligation != null) filters.put("obligation", obligation);
    return filters;
  }
}
