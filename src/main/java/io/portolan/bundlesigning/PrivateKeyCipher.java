package io.portolan.bundlesigning;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.PasswordBasedDecrypter;
import com.nimbusds.jose.crypto.PasswordBasedEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Map;

/**
 * Encrypts a private signing key for PostgreSQL, as a JWE (PBES2-HS512+A256KW, A256GCM) under the
 * configured {@code portolan.bundle-signing.secret}, which every replica shares. The tenant and key
 * id are in the authenticated header, so an encrypted key copied onto another tenant's row does not
 * decrypt as that tenant's.
 */
@ApplicationScoped
public class PrivateKeyCipher {
  private static final int SALT_BYTES = 16;
  private static final int ITERATIONS = 210_000;

  @Inject BundleSigningConfig config;

  public String encrypt(String tenant, ECKey privateKey) {
    JWEHeader header =
        new JWEHeader.Builder(JWEAlgorithm.PBES2_HS512_A256KW, EncryptionMethod.A256GCM)
            .keyID(privateKey.getKeyID())
            .customParams(Map.of("tenant", tenant))
            .build();
    JWEObject jwe = new JWEObject(header, new Payload(privateKey.toJSONObject()));
    try {
      jwe.encrypt(new PasswordBasedEncrypter(config.secret(), SALT_BYTES, ITERATIONS));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot encrypt a bundle signing key", e);
    }
    return jwe.serialize();
  }

  public ECKey decrypt(String tenant, String keyId, String encrypted) {
    try {
      JWEObject jwe = JWEObject.parse(encrypted);
      if (!keyId.equals(jwe.getHeader().getKeyID())
          || !tenant.equals(jwe.getHeader().getCustomParam("tenant"))) {
        throw new IllegalStateException(
            "bundle signing key " + keyId + " is not the key of tenant " + tenant);
      }
      jwe.decrypt(new PasswordBasedDecrypter(config.secret()));
      return ECKey.parse(jwe.getPayload().toJSONObject());
    } catch (ParseException | JOSEException e) {
      // Most likely another portolan.bundle-signing.secret than the one the key was stored with.
      throw new IllegalStateException(
          "cannot decrypt bundle signing key "
              + keyId
              + " (is portolan.bundle-signing.secret the one it was created with?)",
          e);
    }
  }
}
