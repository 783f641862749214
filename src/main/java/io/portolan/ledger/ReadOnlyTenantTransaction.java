package io.portolan.ledger;

import io.portolan.infrastructure.persistence.DataSources;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A read-only transaction in a tenant's row-level-security scope on a plain JDBC connection, so
 * logs can be read with a cursor and streamed after the request method returned.
 */
@ApplicationScoped
public class ReadOnlyTenantTransaction {
  /** Rows a cursor fetches per round trip. */
  public static final int FETCH = 1_000;

  @Resource(lookup = DataSources.APP)
  DataSource dataSource;

  /** Reads one row of a result into a value. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Work on the connection; may throw anything its row handling throws. */
  public interface Work<T> {
    T run(Connection connection) throws Exception;
  }

  public <T> T run(TenantId tenant, Work<T> work) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        TenantScope.enter(connection, tenant);
        return work.run(connection);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw ProblemException.unavailable(
          ProblemTypes.DATABASE_UNAVAILABLE, "The log could not be read.");
    }
  }

  /** Streams every row of the query, read by {@code reader}, into {@code sink}, with a cursor. */
  public <T> void stream(TenantId tenant, LogQuery query, RowReader<T> reader, RowSink<T> sink)
      throws Exception {
    run(
        tenant,
        connection -> {
          try (PreparedStatement statement = query.prepare(connection);
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              sink.accept(reader.read(rows));
            }
          }
          return null;
        });
  }

  /** The first row of the query, read by {@code reader}. */
  public <T> T first(TenantId tenant, LogQuery query, RowReader<T> reader) throws Exception {
    return run(
        tenant,
        connection -> {
          try (PreparedStatement statement = query.prepare(connection);
              ResultSet row = statement.executeQuery()) {
            row.next();
            return reader.read(row);
          }
        });
  }
}
