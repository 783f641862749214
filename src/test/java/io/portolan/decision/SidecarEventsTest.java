package io.portolan.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SidecarEventsTest {
  @Test
  void anUploadedTimeIsKeptInMicrosecondsAsTheDatabaseStoresIt() {
    // PostgreSQL would round ...925300999 up to ...925301; the hash must cover what is stored.
    assertEquals(
        Instant.parse("2026-12-07T02:48:41.925300Z"),
        SidecarEvents.instant("2026-12-07T02:48:41.925300999Z"));
  }
}
