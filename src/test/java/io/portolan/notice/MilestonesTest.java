package io.portolan.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MilestonesTest {
  private static final long NOW = 1_800_000_000_000L;
  private static final long DAY = Duration.ofDays(1).toMillis();

  @Test
  void aChangeIsNoticedAMonthAheadAWeekAheadAndOnTheDay() {
    assertNull(Milestones.of(NOW, NOW + 31 * DAY), "too early");
    assertEquals("30d", Milestones.of(NOW, NOW + 30 * DAY));
    assertEquals("30d", Milestones.of(NOW, NOW + 7 * DAY + 1));
    assertEquals("7d", Milestones.of(NOW, NOW + 7 * DAY));
    assertEquals("7d", Milestones.of(NOW, NOW + 1));
    assertEquals("day", Milestones.of(NOW, NOW));
    assertEquals("day", Milestones.of(NOW, NOW - DAY + 1));
    assertNull(Milestones.of(NOW, NOW - DAY), "over a day past: too late to be news");
  }
}
