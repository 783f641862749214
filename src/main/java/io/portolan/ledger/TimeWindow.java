package io.portolan.ledger;

import io.portolan.infrastructure.web.ProblemException;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code from} and {@code to} query parameters every log read takes: [from, to). */
public class TimeWindow {
  public static final Instant EARLIEST = Instant.EPOCH;
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  @QueryParam("from")
  protected String from;

  @QueryParam("to")
  protected String to;

  public Instant from() {
    return instant("from", from, EARLIEST);
  }

  /** Default: a second from now, so an entry logged this instant is included. */
  public Instant to() {
    return instant("to", to, Instant.now().plusSeconds(1));
  }

  private static Instant instant(String field, String value, Instant fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    Instant instant;
    try {
      instant = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          field, "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw ProblemException.badRequest(field, "must be between 1970 and 9999");
    }
    return instant;
  }
}
