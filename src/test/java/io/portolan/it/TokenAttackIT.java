package io.portolan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Forged and tampered tokens, built from a real gateway token: every one is refused with 401 and a
 * problem+json that says nothing about why.
 */
class TokenAttackIT {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  @TestFactory
  Stream<DynamicTest> forgedTokensAreRefused() {
    Map<String, Supplier<String>> attacks = new LinkedHashMap<>();
    attacks.put("signature stripped", () -> parts()[0] + "." + parts()[1] + ".");
    attacks.put("alg none", () -> unsigned(header("none", kid()), claims()));
    attacks.put(
        "claims changed, signature kept",
        () -> {
          ObjectNode claims = claims();
          claims.put("tenant", "globex");
          return encode(header("RS256", kid())) + "." + encode(claims) + "." + parts()[2];
        });
    attacks.put("HS256 signed with the realm's public key", () -> hs256WithPublicKey());
    attacks.put(
        "signed by another key under the realm's kid", () -> rs256(freshKey(), kid(), claims()));
    attacks.put(
        "signed by another key, unknown kid", () -> rs256(freshKey(), "unknown-kid", claims()));
    attacks.put(
        "expired",
        () -> {
          ObjectNode claims = claims();
          claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
          return rs256(freshKey(), kid(), claims);
        });
    attacks.put(
        "wrong issuer",
        () -> {
          ObjectNode claims = claims();
          claims.put("iss", "http://localhost:28180/realms/master");
          return rs256(freshKey(), kid(), claims);
        });
    attacks.put("garbage", () -> "a.b.c");
    return attacks.entrySet().stream()
        .map(
            attack ->
                DynamicTest.dynamicTest(
                    attack.getKey(),
                    () -> {
                      var reply =
                          Stack.post(
                              "/api/v1/decisions",
                              attack.getValue().get(),
                              Fixtures.decision("research", "gpt-4o"));
                      assertEquals(401, reply.status(), reply.raw().body());
                      assertEquals("application/problem+json", reply.contentType().split(";")[0]);
                      assertEquals(
                          "A valid bearer token is required.", reply.body().get("detail").asText());
                      assertFalse(reply.raw().body().contains("Exception"));
                    }));
  }

  @org.junit.jupiter.api.Test
  void aValidTokenForAnotherAudienceIsRefused() throws Exception {
    HttpResponse<String> response =
        Stack.exchange(
            HttpRequest.newBuilder(
                    URI.create(Stack.KEYCLOAK + "/realms/portolan/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=no-audience-cli&username=alice&password=alice"))
                .build());
    assertEquals(200, response.statusCode(), response.body());
    String token = Stack.JSON.readTree(response.body()).get("access_token").asText();
    assertFalse(json(token.split("\\.")[1]).path("aud").toString().contains("portolan"));
    assertEquals(401, Stack.get("/api/v1/models", token).status());
  }

  /**
   * A token verified once is remembered for decisions: the remembering must not widen what it
   * allows.
   */
  @TestFactory
  Stream<DynamicTest> aRememberedTokenAllowsNoMoreThanItDidWhenVerified() {
    return Stream.of(
        DynamicTest.dynamicTest(
            "a user token, verified on another call, still may not decide",
            () -> {
              String alice = Stack.user("alice");
              assertEquals(200, Stack.get("/api/v1/models", alice).status());
              var reply =
                  Stack.post("/api/v1/decisions", alice, Fixtures.decision("research", "gpt-4o"));
              assertEquals(403, reply.status(), reply.raw().body());
              assertEquals("application/problem+json", reply.contentType().split(";")[0]);
            }),
        DynamicTest.dynamicTest(
            "a gateway token that decided, with one character of its signature changed",
            () -> {
              String token = Stack.gateway("acme");
              assertEquals(
                  200,
                  Stack.post("/api/v1/decisions", token, Fixtures.decision("research", "gpt-4o"))
                      .status());
              int at =
                  token.length()
                      - 20; // inside the signature, away from its last character's spare bits
              String altered =
                  token.substring(0, at)
                      + (token.charAt(at) == 'A' ? 'B' : 'A')
                      + token.substring(at + 1);
              var reply =
                  Stack.post("/api/v1/decisions", altered, Fixtures.decision("research", "gpt-4o"));
              assertEquals(401, reply.status(), reply.raw().body());
              assertEquals(
                  "A valid bearer token is required.", reply.body().get("detail").asText());
            }));
  }

  @TestFactory
  Stream<DynamicTest> tokensOfTheWrongKindAreForbidden() {
    return Stream.of(
        DynamicTest.dynamicTest(
            "a user token where a gateway is expected",
            () ->
                assertEquals(
                    403,
                    Stack.post(
                            "/api/v1/decisions",
                            Stack.user("alice"),
                            Fixtures.decision("research", "gpt-4o"))
                        .status())),
        DynamicTest.dynamicTest(
            "a gateway token where a user is expected",
            () ->
                assertEquals(
                    403,
                    Stack.put("/api/v1/policy/settings", Stack.gateway("acme"), Map.of())
                        .status())));
  }

  private static String[] parts() {
    return Stack.gateway("acme").split("\\.");
  }

  private static String kid() {
    return json(parts()[0]).get("kid").asText();
  }

  private static ObjectNode claims() {
    return (ObjectNode) json(parts()[1]);
  }

  private static ObjectNode header(String alg, String kid) {
    ObjectNode header = Stack.JSON.createObjectNode();
    header.put("alg", alg).put("typ", "JWT").put("kid", kid);
    return header;
  }

  private static String unsigned(ObjectNode header, ObjectNode claims) {
    return encode(header) + "." + encode(claims) + ".";
  }

  private static String rs256(KeyPair key, String kid, ObjectNode claims) {
    try {
      String content = encode(header("RS256", kid)) + "." + encode(claims);
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key.getPrivate());
      signer.update(content.getBytes(StandardCharsets.US_ASCII));
      return content + "." + B64.encodeToString(signer.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The classic key-confusion attack: the public key used as an HMAC secret. */
  private static String hs256WithPublicKey() {
    try {
      HttpResponse<String> jwks =
          Stack.exchange(
              HttpRequest.newBuilder(
                      URI.create(Stack.KEYCLOAK + "/realms/portolan/protocol/openid-connect/certs"))
                  .build());
      JsonNode key = null;
      for (JsonNode k : Stack.JSON.readTree(jwks.body()).get("keys")) {
        if (k.get("kid").asText().equals(kid())) key = k;
      }
      var publicKey =
          KeyFactory.getInstance("RSA")
              .generatePublic(
                  new RSAPublicKeySpec(
                      new BigInteger(1, B64D.decode(key.get("n").asText())),
                      new BigInteger(1, B64D.decode(key.get("e").asText()))));
      String content = encode(header("HS256", kid())) + "." + encode(claims());
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(publicKey.getEncoded(), "HmacSHA256"));
      return content
          + "."
          + B64.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair freshKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(JsonNode node) {
    try {
      return B64.encodeToString(Stack.JSON.writeValueAsBytes(node));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String part) {
    try {
      return Stack.JSON.readTree(B64D.decode(part));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
