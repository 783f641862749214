package io.portolan.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundedLabelsTest {
  private static final int LIMIT = 3;

  @Test
  void theFirstTenantsKeepTheirNamesAndTheRestAreOther() {
    BoundedLabels labels = new BoundedLabels(LIMIT);
    assertEquals("acme", labels.label("acme"));
    assertEquals("globex", labels.label("globex"));
    assertEquals("initech", labels.label("initech"));
    assertEquals(BoundedLabels.OTHER, labels.label("umbrella"));
    assertEquals("acme", labels.label("acme"), "a labelled tenant keeps its label");
    assertTrue(labels.labelled("globex"));
    assertFalse(labels.labelled("umbrella"));
  }

  @Test
  void tenThousandTenantsMakeNoMoreThanTheLimitAndOther() {
    BoundedLabels labels = new BoundedLabels(LIMIT);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(labels.label("tenant-" + i));
    }
    assertEquals(LIMIT + 1, seen.size());
  }

  @Test
  void aLimitOfZeroLabelsEveryoneOtherAndNoValueIsOther() {
    assertEquals(BoundedLabels.OTHER, new BoundedLabels(0).label("acme"));
    assertEquals(BoundedLabels.OTHER, new BoundedLabels(LIMIT).label(null));
  }
}
