package io.portolan.webhook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WebhookTargetsTest {
  @Test
  void localAndPrivateAddressesAreRefused() {
    assertNotNull(WebhookTargets.refusal("http://127.0.0.1:8181/v1/data", false));
    assertNotNull(WebhookTargets.refusal("http://10.0.0.5:5432/", false));
    assertNotNull(WebhookTargets.refusal("http://169.254.169.254/latest/meta-data", false));
    assertNotNull(WebhookTargets.refusal("http://[::1]/", false));
    assertNotNull(WebhookTargets.refusal("http:///nohost", false));
  }

  @Test
  void aSingleHostSetupMayAllowThem() {
    assertNull(WebhookTargets.refusal("http://127.0.0.1:9999/hook", true));
  }

  @Test
  void aPublicAddressIsAccepted() {
    assertNull(WebhookTargets.refusal("https://203.0.113.10/hook", false));
  }
}
