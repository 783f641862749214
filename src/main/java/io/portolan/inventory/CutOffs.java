package io.portolan.inventory;

import io.portolan.infrastructure.web.ProblemException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Checks an announced cut-off as a client wrote it: a reason needs a date. */
final class CutOffs {
  private CutOffs() {}

  /**
   * To the millisecond: the decision clock's resolution, so the stored, compared and named instant
   * agree.
   */
  static Instant instant(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The reason to store: null when blank; refused without a date. */
  static String reason(Instant at, String reason) {
    String stated = reason == null || reason.isBlank() ? null : reason.strip();
    if (at == null && stated != null) {
      throw ProblemException.badRequest(
          "cutOffReason", "needs cutOffAt: a reason for a cut-off that has no date");
    }
    return stated;
  }
}
