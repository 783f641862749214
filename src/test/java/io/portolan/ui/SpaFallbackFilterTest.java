package io.portolan.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpaFallbackFilterTest {
  @Test
  void uiRoutesGetTheApp() {
    assertTrue(SpaFallbackFilter.isUiPath("/"));
    assertTrue(SpaFallbackFilter.isUiPath("/approvals"));
    assertTrue(SpaFallbackFilter.isUiPath("/approvals/requests/6f1c-42"));
    assertTrue(SpaFallbackFilter.isUiPath("/inventory/models/mistral-large"));
  }

  @Test
  void serverPathsAndFilesAreLeftAlone() {
    assertFalse(SpaFallbackFilter.isUiPath("/api"));
    assertFalse(SpaFallbackFilter.isUiPath("/api/v1/vendors"));
    assertFalse(SpaFallbackFilter.isUiPath("/openapi"));
    assertFalse(SpaFallbackFilter.isUiPath("/health/ready"));
    assertFalse(SpaFallbackFilter.isUiPath("/bundles/acme"));
    assertFalse(SpaFallbackFilter.isUiPath("/metrics"));
    assertFalse(SpaFallbackFilter.isUiPath("/ui-config.json"));
    assertFalse(SpaFallbackFilter.isUiPath("/assets/index-abc.js"));
    assertFalse(SpaFallbackFilter.isUiPath("/favicon.ico"));
  }
}
