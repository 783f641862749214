package io.portolan.spend;

import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Which spend: days (UTC, both ends included; by default this month so far), grouped by team,
 * model, vendor, jurisdiction, data classification, deployment, operator or operator jurisdiction
 * (where the decision routed the call; "unknown" when it named none), per day, per month or over
 * the whole window, optionally of one team, model or classification.
 */
public class SpendQuery {
  static final int MAX_DAYS_BY_DAY = 366;
  static final int MAX_YEARS = 10;

  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  @QueryParam("groupBy")
  @Pattern(
      regexp =
          "team|model|vendor|jurisdiction|classification|deployment|operator|operatorJurisdiction",
      message =
          "must be team, model, vendor, jurisdiction, classification, deployment, operator or"
              + " operatorJurisdiction")
  String groupBy;

  @QueryParam("interval")
  @Pattern(regexp = "day|month|total", message = "must be day, month or total")
  String interval;

  @QueryParam("team")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String team;

  @QueryParam("model")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String model;

  @QueryParam("classification")
  @Pattern(
      regexp = CLASSIFICATIONS,
      message = "must be one of: public, internal, confidential, restricted")
  String classification;

  static final String CLASSIFICATIONS = "public|internal|confidential|restricted";

  /** The window, checked: from not after to, at most ten years, at most a year by day. */
  record Window(LocalDate from, LocalDate to) {}

  Window window(Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate first = date("from", from, today.withDayOfMonth(1));
    LocalDate last = date("to", to, today);
    if (first.isAfter(last)) {
      throw ProblemException.badRequest("from", "must not be after to (" + last + ")");
    }
    if (ChronoUnit.YEARS.between(first, last) >= MAX_YEARS) {
      throw ProblemException.badRequest(
          "from", "the window must be shorter than " + MAX_YEARS + " years");
    }
    if ("day".equals(interval()) && ChronoUnit.DAYS.between(first, last) >= MAX_DAYS_BY_DAY) {
      throw ProblemException.badRequest(
          "interval", "day is for windows of up to " + MAX_DAYS_BY_DAY + " days; use month");
    }
    return new Window(first, last);
  }

  String groupBy() {
    return groupBy == null ? "team" : groupBy;
  }

  String interval() {
    return interval == null ? "total" : interval;
  }

  private static LocalDate date(String parameter, String value, LocalDate fallback) {
    if (value == null) {
      return fallback;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(parameter, "must be a date such as 2026-12-01");
    }
    if (date.getYear() < 1970 || date.getYear() > 9999) {
      throw ProblemException.badRequest(
          parameter, "must be a date between 1970-01-01 and 9999-12-31");
    }
    return date;
  }
}
