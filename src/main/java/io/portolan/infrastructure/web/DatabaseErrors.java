package io.portolan.infrastructure.web;

import java.sql.SQLException;

/**
 * Translates PostgreSQL errors, wherever they surface in a cause chain, into the one error
 * vocabulary: unique violation to conflict, foreign key violation to conflict or invalid reference,
 * a lost connection to 503.
 */
public final class DatabaseErrors {
  private DatabaseErrors() {}

  public static ProblemException translate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProblemException p) {
        return p;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.equals("23505")) {
          return ProblemException.conflict(
              ProblemTypes.DUPLICATE, "An item with this id already exists.");
        }
        if (state.equals("23503")) {
          return ProblemException.conflict(
              ProblemTypes.STILL_REFERENCED,
              "The item is referenced by others, or references a missing one.");
        }
        if (state.equals("22008") || state.equals("22003")) {
          return ProblemException.badRequest(
              "body", "a value is out of the range the database can store");
        }
        if (state.startsWith("08") || state.equals("57P01")) {
          return ProblemException.unavailable(
              ProblemTypes.DATABASE_UNAVAILABLE, "The database is unavailable.");
        }
      }
    }
    return null;
  }
}
