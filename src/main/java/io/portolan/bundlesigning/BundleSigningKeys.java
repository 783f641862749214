package io.portolan.bundlesigning;

import static io.portolan.infrastructure.persistence.SqlValues.instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's bundle signing keys, in PostgreSQL (db/V18): the key that signs now is the newest
 * one already active, so every replica signs with the same key. A tenant's first key is made when
 * its first bundle is signed.
 */
@ApplicationScoped
@Transactional
public class BundleSigningKeys {
  static final String ALGORITHM = "ES256";

  @PersistenceContext EntityManager em;
  @Inject PrivateKeyCipher cipher;
  @Inject Event<TenantChange> audit;

  /** Decrypted keys by tenant and id: a key never changes, and PBES2 is slow on purpose. */
  private final Map<String, ECKey> decrypted = new ConcurrentHashMap<>();

  public SigningKey signingKey(TenantId tenant) {
    TenantScope.enter(em, tenant);
    Object[] found = current(tenant);
    Object[] row = found != null ? found : firstKey(tenant);
    String keyId = (String) row[0];
    ECKey key =
        decrypted.computeIfAbsent(
            tenant.value() + " " + keyId,
            k -> cipher.decrypt(tenant.value(), keyId, (String) row[1]));
    return new SigningKey(keyId, key);
  }

  private Object[] firstKey(TenantId tenant) {
    // Two replicas signing a new tenant's first bundle at once must not make two keys.
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "bundle-signing-key:" + tenant.value())
        .getSingleResult();
    if (current(tenant) == null) {
      create(tenant, null);
    }
    return current(tenant);
  }

  public List<SigningKeyView> list(TenantId tenant) {
    TenantScope.enter(em, tenant);
    Object[] signing = current(tenant);
    List<?> rows =
        em.createNativeQuery(
                "select key_id, algorithm, public_key_pem, created_at, active_from from"
                    + " bundle_signing_key where tenant_id = ?1 order by active_from desc,"
                    + " created_at desc")
            .setParameter(1, tenant.value())
            .getResultList();
    return rows.stream()
        .map(r -> (Object[]) r)
        .map(
            r ->
                new SigningKeyView(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    instant(r[3]),
                    instant(r[4]),
                    signing != null && signing[0].equals(r[0])))
        .toList();
  }

  /** Adds a key that signs from {@code activeFrom} on (now when absent or past). */
  public SigningKeyView rotate(TenantId tenant, Instant activeFrom) {
    TenantScope.enter(em, tenant);
    String keyId =
        create(
            tenant, activeFrom == null || activeFrom.isBefore(Instant.now()) ? null : activeFrom);
    SigningKeyView view =
        list(tenant).stream().filter(k -> k.keyId().equals(keyId)).findFirst().orElseThrow();
    audit.fire(
        new TenantChange(
            tenant, "bundle-signing-key.created", "bundle-signing-key", keyId, null, view));
    return view;
  }

  /**
   * The newest key already active. By the clock, not the transaction's start: after waiting for
   * another replica's first key, that key (made after this transaction began) counts.
   */
  private Object[] current(TenantId tenant) {
    List<?> rows =
        em.createNativeQuery(
                "select key_id, private_key_jwe from bundle_signing_key where tenant_id = ?1 and"
                    + " active_from <= clock_timestamp() order by active_from desc, created_at desc"
                    + " limit 1")
            .setParameter(1, tenant.value())
            .getResultList();
    return rows.isEmpty() ? null : (Object[]) rows.get(0);
  }

  /** A new key, signing from {@code activeFrom}, or from this transaction's start when null. */
  private String create(TenantId tenant, Instant activeFrom) {
    ECKey key;
    try {
      ECKey generated = new ECKeyGenerator(Curve.P_256).generate();
      // The id names the tenant and the key's RFC 7638 thumbprint: stable, unique, no secret.
      String keyId =
          tenant.value() + "-" + generated.computeThumbprint().toString().substring(0, 16);
      key = new ECKey.Builder(generated).keyID(keyId).build();
      em.createNativeQuery(
              "insert into bundle_signing_key (tenant_id, key_id, algorithm, public_key_pem,"
                  + " private_key_jwe, active_from) values (?1, ?2, ?3, ?4, ?5, coalesce(cast(?6 as"
                  + " timestamptz), now()))")
          .setParameter(1, tenant.value())
          .setParameter(2, keyId)
          .setParameter(3, ALGORITHM)
          .setParameter(4, pem(key))
          .setParameter(5, cipher.encrypt(tenant.value(), key))
          .setParameter(6, activeFrom == null ? null : Timestamp.from(activeFrom))
          .executeUpdate();
      return keyId;
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make a bundle signing key", e);
    }
  }

  /**
   * The public key as OPA's {@code keys.<id>.key} reads it: a PEM "PUBLIC KEY" (X.509
   * SubjectPublicKeyInfo).
   */
  static String pem(ECKey key) throws JOSEException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toECPublicKey().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }
}
