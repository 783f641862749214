package io.portolan.it;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads the signature of a tenant's bundle as served, and checks it against a published key. */
final class SignedBundles {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private SignedBundles() {}

  /** The JWT of .signatures.json in the bundle {@code baseUrl}/bundles/{tenant} serves. */
  static SignedJWT signature(String baseUrl, String tenant, String gatewayToken) throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/bundles/" + tenant))
                .header("Authorization", "Bearer " + gatewayToken)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET /bundles/" + tenant + " at " + baseUrl + ": " + response.statusCode());
    }
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(response.body())))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals(".signatures.json")) {
          return SignedJWT.parse(
              Stack.JSON.readTree(in.readAllBytes()).get("signatures").get(0).asText());
        }
      }
    }
    throw new AssertionError("the bundle has no .signatures.json");
  }

  /** True when the JWT verifies with the public key (PEM) an admin reads from the API. */
  static boolean verifies(SignedJWT jwt, String publicKeyPem) throws Exception {
    String base64 = publicKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    ECPublicKey key =
        (ECPublicKey)
            KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    return jwt.verify(new ECDSAVerifier(key));
  }
}
