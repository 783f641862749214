package io.portolan.decision;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.ledger.ReadOnlyTenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through a tenant's decision log, newest first, for people exploring it on screen; the
 * streamed exports stay the way to take whole logs away.
 */
@ApplicationScoped
public class DecisionSearch {
  @Inject ReadOnlyTenantTransaction transaction;

  public PageView<LoggedDecision> page(TenantId tenant, DecisionLogFilter filter, PageRequest page)
      throws Exception {
    String where = " from decision_log where " + filter.condition();
    String rows =
        "select "
            + LoggedDecision.COLUMNS
            + where
            + " order by evaluated_at desc, seq desc nulls last, id limit "
            + page.size()
            + " offset "
            + page.offset();
    return transaction.run(
        tenant,
        connection -> {
          long total;
          try (PreparedStatement count =
                  filter.prepare(connection, "select count(*)" + where, tenant);
              ResultSet result = count.executeQuery()) {
            result.next();
            total = result.getLong(1);
          }
          List<LoggedDecision> items = new ArrayList<>();
          try (PreparedStatement query = filter.prepare(connection, rows, tenant);
              ResultSet result = query.executeQuery()) {
            while (result.next()) {
              items.add(LoggedDecision.read(result));
            }
          }
          return new PageView<>(items, total, page.page(), page.size());
        });
  }

  /** One logged decision of the tenant; another tenant's id is as unknown as one never issued. */
  public LoggedDecision find(TenantId tenant, String id) throws Exception {
    String sql =
        "select "
            + LoggedDecision.COLUMNS
            + " from decision_log where tenant_id = ? and id = cast(? as uuid)";
    LoggedDecision found =
        transaction.run(
            tenant,
            connection -> {
              try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, tenant.value());
                query.setString(2, id);
                try (ResultSet result = query.executeQuery()) {
                  return result.next() ? LoggedDecision.read(result) : null;
                }
              }
            });
    if (found == null) {
      throw ProblemException.notFound("decision", id);
    }
    return found;
  }
}
