package io.portolan.spend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A budget as the API shows it, with where it stands this month: what the team spent with it in its
 * currency (reported and priced costs; unpriced calls count nothing) and the percent of the limit.
 * {@code month} is as 2026-12; {@code vendor} is left out for a team-wide budget. {@code state}:
 * {@code ok}, {@code warning} (80% or more) or {@code exceeded} (100% or more).
 */
public record Budget(
    String id,
    String team,
    @JsonInclude(JsonInclude.Include.NON_NULL) String vendor,
    String currency,
    BigDecimal monthlyLimit,
    String onExceeded,
    String month,
    BigDecimal spent,
    int percent,
    String state,
    Instant createdAt,
    Instant updatedAt) {
  static final int WARNING_PERCENT = 80;
  static final int EXCEEDED_PERCENT = 100;

  static String state(int percent) {
    return percent >= EXCEEDED_PERCENT ? "exceeded" : percent >= WARNING_PERCENT ? "warning" : "ok";
  }

  /**
   * What the decision needs to know of a percent: nothing below the warning, each percent from it,
   * and only "exceeded" from the limit on. A state row is rewritten when this changes.
   */
  static int band(int percent) {
    return percent < WARNING_PERCENT ? 0 : Math.min(percent, EXCEEDED_PERCENT);
  }

  static int percent(long spentMicros, long limitMicros) {
    return (int) Math.min(Integer.MAX_VALUE, (spentMicros * 100.0) / limitMicros);
  }
}
