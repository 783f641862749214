package io.portolan.bundlesigning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleSignerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSignatureListsEveryFileWithItsHashAndVerifiesWithThePublicKey() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("acme-test").generate();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(".manifest", "{\"revision\":\"1-ab\"}".getBytes(StandardCharsets.UTF_8));
    files.put("data.json", "{\"tenants\":{}}".getBytes(StandardCharsets.UTF_8));
    files.put(
        "portolan/decision/decision.rego", "package portolan\n".getBytes(StandardCharsets.UTF_8));

    JsonNode signatures =
        JSON.readTree(BundleSigner.signatures(files, new SigningKey("acme-test", key)));
    assertEquals(1, signatures.get("signatures").size(), "OPA accepts exactly one JWT");
    SignedJWT jwt = SignedJWT.parse(signatures.get("signatures").get(0).asText());
    assertTrue(jwt.verify(new ECDSAVerifier(key.toECPublicKey())));
    assertEquals("acme-test", jwt.getHeader().getKeyID());
    JsonNode listed = JSON.valueToTree(jwt.getJWTClaimsSet().getClaim("files"));
    assertEquals(3, listed.size());
    for (JsonNode file : listed) {
      String name = file.get("name").asText();
      assertEquals(BundleFileHash.of(name, files.get(name)), file.get("hash").asText(), name);
      assertEquals("SHA-256", file.get("algorithm").asText());
    }
  }

  @Test
  void anotherKeyDoesNotVerify() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("a").generate();
    ECKey other = new ECKeyGenerator(Curve.P_256).keyID("b").generate();
    String signatures =
        BundleSigner.signatures(
            Map.of("data.json", "{}".getBytes(StandardCharsets.UTF_8)), new SigningKey("a", key));
    SignedJWT jwt = SignedJWT.parse(JSON.readTree(signatures).get("signatures").get(0).asText());
    assertEquals(false, jwt.verify(new ECDSAVerifier(other.toECPublicKey())));
  }

  @Test
  void aStoredKeyOpensOnlyWithItsSecretAndForItsTenant() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("acme-k").generate();
    PrivateKeyCipher cipher = cipher("the deployment's secret");
    String stored = cipher.encrypt("acme", key);
    assertEquals(key.toJSONString(), cipher.decrypt("acme", "acme-k", stored).toJSONString());
    assertThrows(
        IllegalStateException.class,
        () -> cipher("another secret").decrypt("acme", "acme-k", stored));
    assertThrows(IllegalStateException.class, () -> cipher.decrypt("globex", "acme-k", stored));
    assertTrue(
        !stored.contains(key.getD().toString()), "the private part is not stored in the clear");
  }

  private static PrivateKeyCipher cipher(String secret) {
    PrivateKeyCipher cipher = new PrivateKeyCipher();
    cipher.config = new BundleSigningConfig(secret);
    return cipher;
  }
}
