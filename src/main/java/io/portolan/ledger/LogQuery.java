package io.portolan.ledger;

import io.portolan.infrastructure.persistence.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement over one tenant's log and its parameters, built filter by filter: an absent filter
 * adds neither its condition nor a parameter, so the SQL and the values cannot fall out of step.
 */
public final class LogQuery {
  private final StringBuilder sql;
  private final List<Object> values = new ArrayList<>();

  private LogQuery(String sql) {
    this.sql = new StringBuilder(sql);
  }

  /**
   * {@code sql} ends in a condition with three parameters: the tenant, then the window's start and
   * end, such as {@code ... where tenant_id = ? and at >= ? and at < ?}.
   */
  public static LogQuery over(String sql, TenantId tenant, Instant from, Instant to) {
    LogQuery query = new LogQuery(sql);
    query.values.add(tenant.value());
    query.values.add(Timestamp.from(from));
    query.values.add(Timestamp.from(to));
    return query;
  }

  /** Adds {@code condition} (with one parameter) when {@code value} is given. */
  public LogQuery and(String condition, Object value) {
    if (value != null) {
      sql.append(condition);
      values.add(value);
    }
    return this;
  }

  /** Appends SQL without parameters, such as the order. */
  public LogQuery then(String tail) {
    sql.append(tail);
    return this;
  }

  /** The statement with every parameter bound, fetching {@link ReadOnlyTenantTransaction#FETCH}. */
  PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql.toString());
    statement.setFetchSize(ReadOnlyTenantTransaction.FETCH);
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
    return statement;
  }
}
