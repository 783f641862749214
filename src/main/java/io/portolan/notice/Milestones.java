package io.portolan.notice;

import java.time.Duration;

/** When a dated change is worth a notice: 30 and 7 days ahead, and on the day it takes effect. */
final class Milestones {
  static final String MONTH_AHEAD = "30d";
  static final String WEEK_AHEAD = "7d";
  static final String ON_THE_DAY = "day";
  private static final long DAY = Duration.ofDays(1).toMillis();

  private Milestones() {}

  /**
   * The milestone {@code nowMs} is at for a change at {@code atMs}, or null: more than 30 days
   * ahead, or over a day past. A change announced late starts at the nearest milestone; none is
   * repeated.
   */
  static String of(long nowMs, long atMs) {
    long left = atMs - nowMs;
    if (left <= 0) return left > -DAY ? ON_THE_DAY : null;
    if (left <= 7 * DAY) return WEEK_AHEAD;
    if (left <= 30 * DAY) return MONTH_AHEAD;
    return null;
  }
}
