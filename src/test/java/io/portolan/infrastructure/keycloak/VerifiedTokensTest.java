package io.portolan.infrastructure.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  @Test
  void aTokenIsRememberedUntilItExpires() {
    Duration lifetime = VerifiedTokens.lifetime(verifiedExpiringIn(20));
    assertTrue(
        lifetime.compareTo(Duration.ofSeconds(18)) > 0
            && lifetime.compareTo(Duration.ofSeconds(20)) <= 0,
        lifetime.toString());
  }

  @Test
  void butNeverLongerThanAMinuteSoAWithdrawnKeyIsNoticed() {
    assertEquals(Duration.ofMinutes(1), VerifiedTokens.lifetime(verifiedExpiringIn(3600)));
  }

  @Test
  void anExpiredTokenIsNotRemembered() {
    assertEquals(Duration.ZERO, VerifiedTokens.lifetime(verifiedExpiringIn(-5)));
  }

  private static CredentialValidationResult verifiedExpiringIn(long seconds) {
    long exp = System.currentTimeMillis() / 1000 + seconds;
    // As MicroProfile JWT's principal: a caller principal that is the token.
    class Token extends CallerPrincipal implements JsonWebToken {
      Token() {
        super("acme-gateway");
      }

      @Override
      public Set<String> getClaimNames() {
        return Set.of(Claims.exp.name());
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String name) {
        return Claims.exp.name().equals(name) ? (T) Long.valueOf(exp) : null;
      }
    }
    return new CredentialValidationResult(new Token(), Set.of("gateway"));
  }
}
