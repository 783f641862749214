package io.portolan.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.web.JacksonConfig;
import org.junit.jupiter.api.Test;

class TimeBoundariesTest {
  private static final JsonNode TENANT =
      json(
          """
          {"models": {"m": {"expiresAtMs": 1}},
           "approvals": {
             "research": {"gpt": [{"purpose": "chat", "expiresAtMs": 2000}, {"purpose": "code", "expiresAtMs": 5000}]},
             "support": {"claude": [{"purpose": "chat", "expiresAtMs": 2000}]}}}
          """);

  @Test
  void anAnswerHoldsUntilTheNextApprovalExpires() {
    TimeBoundaries.Interval interval = TimeBoundaries.of(TENANT).around(2500);
    assertEquals(2000, interval.fromMs());
    assertEquals(5000, interval.untilMs());
    assertTrue(interval.contains(4999));
    assertFalse(interval.contains(5000), "at its expiry instant an approval is no longer in force");
  }

  @Test
  void atTheExpiryInstantTheNextIntervalBegins() {
    TimeBoundaries.Interval interval = TimeBoundaries.of(TENANT).around(2000);
    assertEquals(2000, interval.fromMs());
    assertEquals(5000, interval.untilMs());
    assertFalse(TimeBoundaries.of(TENANT).around(1999).contains(2000));
  }

  @Test
  void anAnswerGivenBeforeAnExpiryDoesNotHoldForAnEarlierTimeAcrossAnother() {
    TimeBoundaries.Interval interval = TimeBoundaries.of(TENANT).around(6000);
    assertEquals(5000, interval.fromMs());
    assertEquals(Long.MAX_VALUE, interval.untilMs());
    assertFalse(interval.contains(4000));
  }

  @Test
  void withoutApprovalsAnAnswerHoldsAtAnyTime() {
    TimeBoundaries.Interval interval = TimeBoundaries.of(json("{\"models\": {}}")).around(42);
    assertTrue(interval.contains(Long.MIN_VALUE) && interval.contains(Long.MAX_VALUE - 1));
  }

  @Test
  void cutOffsAndAvailabilityAreBoundariesToo() {
    TimeBoundaries boundaries =
        TimeBoundaries.of(
            json(
                """
                {"vendors": {"v": {"cutOffAtMs": 3000}},
                 "models": {"m": {"cutOffAtMs": 4000}, "n": {"cutOffAtMs": null}},
                 "deployments": {"d": {"availableFromMs": 2500, "cutOffAtMs": null}},
                 "approvals": {"research": {"m": [{"expiresAtMs": 9000}]}}}
                """));
    assertEquals(2500, boundaries.around(2600).fromMs());
    assertEquals(3000, boundaries.around(2600).untilMs());
    assertEquals(4000, boundaries.around(3000).untilMs());
    assertEquals(9000, boundaries.around(4000).untilMs());
  }

  private static JsonNode json(String text) {
    try {
      return JacksonConfig.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
