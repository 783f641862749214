package io.portolan.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.web.JacksonConfig;
import org.junit.jupiter.api.Test;

class ApprovalExpiriesTest {
  private static final JsonNode TENANT = json("""
      {"models": {"m": {"expiresAtMs": 1}},
       "approvals": {
         "research": {"gpt": [{"purpose": "chat", "expiresAtMs": 2000}, {"purpose": "code", "expiresAtMs": 5000}]},
         "support": {"claude": [{"purpose": "chat", "expiresAtMs": 2000}]}}}
      """);

  @Test
  void anAnswerHoldsUntilTheNextApprovalExpires() {
    ApprovalExpiries.Interval interval = ApprovalExpiries.of(TENANT).around(2500);
    assertEquals(2000, interval.fromMs());
    assertEquals(5000, interval.untilMs());
    assertTrue(interval.contains(4999));
    assertFalse(interval.contains(5000), "at its expiry instant an approval is no longer in force");
  }

  @Test
  void atTheExpiryInstantTheNextIntervalBegins() {
    ApprovalExpiries.Interval interval = ApprovalExpiries.of(TENANT).around(2000);
    assertEquals(2000, interval.fromMs());
    assertEquals(5000, interval.untilMs());
    assertFalse(ApprovalExpiries.of(TENANT).around(1999).contains(2000));
  }

  @Test
  void anAnswerGivenBeforeAnExpiryDoesNotHoldForAnEarlierTimeAcrossAnother() {
    ApprovalExpiries.Interval interval = ApprovalExpiries.of(TENANT).around(6000);
    assertEquals(5000, interval.fromMs());
    assertEquals(Long.MAX_VALUE, interval.untilMs());
    assertFalse(interval.contains(4000));
  }

  @Test
  void withoutApprovalsAnAnswerHoldsAtAnyTime() {
    ApprovalExpiries.Interval interval = ApprovalExpiries.of(json("{\"models\": {}}")).around(42);
    assertTrue(interval.contains(Long.MIN_VALUE) && interval.contains(Long.MAX_VALUE - 1));
  }

  private static JsonNode json(String text) {
    try {
      return JacksonConfig.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
