package io.portolan.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values as native queries return them, read as the types the code works with. */
public final class SqlValues {
  private SqlValues() {}

  /** A timestamptz column, whichever type the driver and Hibernate gave it as; null stays null. */
  public static Instant instant(Object value) {
    if (value == null) return null;
    if (value instanceof Instant i) return i;
    if (value instanceof OffsetDateTime o) return o.toInstant();
    if (value instanceof Timestamp t) return t.toInstant();
    return Instant.parse(String.valueOf(value));
  }
}
