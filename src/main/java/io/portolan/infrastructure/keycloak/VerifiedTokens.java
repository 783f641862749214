package io.portolan.infrastructure.keycloak;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens that MicroProfile JWT verified, so a gateway's next call with the same
 * token is not verified again. Payara verifies each call from scratch: it parses the key set and
 * checks the RSA signature every time, which cost more than the decision itself. A remembered token
 * holds until its {@code exp}, and never longer than a minute, so a key Keycloak withdraws stops
 * working as soon as Payara would notice it. Asked before Payara's own store (lower priority
 * number); what it has not verified it hands to that store, unchanged.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityStore {
  private static final Duration LONGEST = Duration.ofMinutes(1);
  private static final String JWT_STORE =
      "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";

  @Inject BeanManager beans;
  @Inject TokenMetrics metrics;

  private static final Logger LOG = Logger.getLogger(VerifiedTokens.class.getName());
  private volatile IdentityStore verifier;
  private volatile boolean warned;
  private final Cache<String, CredentialValidationResult> verified =
      Caffeine.newBuilder()
          .maximumSize(10_000)
          .expireAfter(
              Expiry.creating(
                  (String token, CredentialValidationResult result) -> lifetime(result)))
          .build();

  @Override
  public CredentialValidationResult validate(Credential credential) {
    String token = bearerToken(credential);
    IdentityStore payara = token == null ? null : verifier();
    if (payara == null) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    CredentialValidationResult known = verified.getIfPresent(token);
    if (known != null) {
      metrics.remembered();
      return known;
    }
    CredentialValidationResult result = payara.validate(credential);
    metrics.checked(result.getStatus() == CredentialValidationResult.Status.VALID);
    if (result.getStatus() == CredentialValidationResult.Status.VALID
        && result.getCallerPrincipal() instanceof JsonWebToken) {
      verified.put(token, result);
    }
    return result;
  }

  /** What verifying this token gave, while it is remembered; null otherwise. */
  public CredentialValidationResult remembered(String token) {
    return verified.getIfPresent(token);
  }

  @Override
  public int priority() {
    return 10; // before Payara's store (100)
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
  }

  /** Until the token expires, at most {@link #LONGEST}; a result without an expiry is not kept. */
  static Duration lifetime(CredentialValidationResult result) {
    long expiresAtSeconds = ((JsonWebToken) result.getCallerPrincipal()).getExpirationTime();
    Duration left = Duration.ofSeconds(expiresAtSeconds).minusMillis(System.currentTimeMillis());
    return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) < 0 ? left : LONGEST;
  }

  /** The token of MicroProfile JWT's credential (a Payara class the application cannot name). */
  private static String bearerToken(Credential credential) {
    Method getter = TOKEN_GETTER.get(credential.getClass());
    if (getter == null) {
      return null; // another kind of credential: not ours to remember
    }
    try {
      return getter.invoke(credential) instanceof String token ? token : null;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** Looked up once per credential class, not on every call. */
  private static final ClassValue<Method> TOKEN_GETTER =
      new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
          try {
            return type.getMethod("getSignedJWT");
          } catch (NoSuchMethodException e) {
            return null;
          }
        }
      };

  /** Payara's store, which does the verifying. */
  private IdentityStore verifier() {
    IdentityStore store = verifier;
    if (store == null) {
      // MicroProfile JWT adds its store as a synthetic bean, whose bean class is the interface.
      List<Bean<?>> others =
          beans.getBeans(IdentityStore.class).stream()
              .filter(
                  bean ->
                      bean.getBeanClass() == IdentityStore.class
                          || bean.getBeanClass().getName().equals(JWT_STORE))
              .toList();
      if (others.size() == 1) {
        Bean<?> bean = others.get(0);
        store =
            (IdentityStore)
                beans.getReference(bean, IdentityStore.class, beans.createCreationalContext(bean));
        verifier = store;
      } else if (!warned) {
        warned = true;
        LOG.warning(
            "expected MicroProfile JWT's identity store, found "
                + others.stream().map(Bean::getBeanClass).toList()
                + ": every token is verified on every call");
      }
    }
    return store;
  }
}
