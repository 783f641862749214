package io.portolan.bundlesigning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Hashes as OPA 1.22.2 does: the expected values are what `opa build --signing-key` signed (the
 * files as it wrote them).
 */
class BundleFileHashTest {
  /** Escapes, key order (upper case, non-ASCII), number literals, nulls and an emoji. */
  private static final String DATA =
      "{\"z\":[1,2.50,-3e-2,true,null],\"é\":\"x\",\"a\":{\"q\":\"tab\\t nl\\n"
          + " bs\\b ff\\f c1\\u0001 ls\\u2028 ps\\u2029 quote\\\" back\\\\ html<&> del\\u007f"
          + " emoji\\ud83d\\ude00\"},\"B\":{}}";

  private static final String DATA_HASH_BY_OPA =
      "84d6e2f11230c8f909f94323891af13fdcb6a8e733776786ecbb6b6ac0ad1e16";

  @Test
  void aDataFileHashesAsOpaDoesWhateverItsFormatting() {
    assertEquals(
        DATA_HASH_BY_OPA, BundleFileHash.of("data.json", DATA.getBytes(StandardCharsets.UTF_8)));
    String spaced = DATA.replace(",\"B\":{}", ",\n  \"B\" : { }");
    assertEquals(
        DATA_HASH_BY_OPA, BundleFileHash.of("data.json", spaced.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aPolicyFileHashesAsItsBytes() {
    byte[] rego = "package portolan.x\n\nallow := true\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "9861229fd9181b01b3b4c9d87c80e2a96a65eff414f09d7a686b140c429ab63a",
        BundleFileHash.of("portolan/x.rego", rego));
  }

  @Test
  void aManifestIsStructured() {
    byte[] manifest =
        "{\"revision\":\"r1\",\"roots\":[\"portolan\",\"tenants/acme\"],\"rego_version\":1}"
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "c31b495cdcf2644423199df2bd3f69139363c4e0c77c5dc2844b96138a0bf043",
        BundleFileHash.of(".manifest", manifest));
  }
}
