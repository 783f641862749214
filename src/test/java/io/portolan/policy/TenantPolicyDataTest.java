package io.portolan.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TenantPolicyDataTest {
  @Test
  void revisionIsStableForTheSameContentAndChangesWithIt() {
    String a = TenantPolicyData.revision("policy-hash{\"models\":{}}");
    assertEquals(a, TenantPolicyData.revision("policy-hash{\"models\":{}}"));
    assertNotEquals(a, TenantPolicyData.revision("policy-hash{\"models\":{\"m\":{}}}"));
    assertEquals(16, a.length());
  }

  @Test
  void thePackagedPolicyModulesAreFound() {
    assertEquals(PolicySources.MODULES.size(), PolicySources.load().size());
  }
}
