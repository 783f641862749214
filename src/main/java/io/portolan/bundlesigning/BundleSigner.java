package io.portolan.bundlesigning;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Writes a bundle's {@code .signatures.json} as {@code opa sign} does: one JWT whose {@code files}
 * claim lists every other file of the bundle with its hash ({@link BundleFileHash}), signed with
 * the tenant's key and naming it in {@code kid}, which a sidecar looks up in its {@code keys}.
 */
public final class BundleSigner {
  public static final String SIGNATURES_FILE = ".signatures.json";

  private BundleSigner() {}

  /**
   * The content of {@code .signatures.json} for these files (name to bytes, as in the tarball, in
   * order).
   */
  public static String signatures(Map<String, byte[]> files, SigningKey key) {
    List<Map<String, String>> hashed =
        files.entrySet().stream()
            .map(
                f ->
                    Map.of(
                        "name",
                        f.getKey(),
                        "hash",
                        BundleFileHash.of(f.getKey(), f.getValue()),
                        "algorithm",
                        BundleFileHash.ALGORITHM))
            .toList();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .claim("files", hashed)
            .issuer("portolan")
            .issueTime(new Date())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.keyId())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key.privateKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a bundle with key " + key.keyId(), e);
    }
    return "{\"signatures\":[\"" + jwt.serialize() + "\"]}";
  }
}
