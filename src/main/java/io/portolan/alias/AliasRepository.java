package io.portolan.alias;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.portolan.infrastructure.persistence.SqlValues;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The alias table, in the caller's transaction; every statement runs in the tenant's
 * row-level-security scope.
 */
@ApplicationScoped
public class AliasRepository {
  private static final String COLUMNS =
      "id, description, candidates::text, draft_description, draft_candidates::text,"
          + " drafted_at, drafted_by, created_at, published_at";

  @PersistenceContext EntityManager em;

  /** By id. */
  List<Alias> list(TenantId tenant) {
    TenantScope.enter(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "select " + COLUMNS + " from alias where tenant_id = ?1 order by id")
                .setParameter(1, tenant.value())
                .getResultList())
        .stream().map(r -> alias((Object[]) r)).toList();
  }

  Optional<Alias> find(TenantId tenant, String id) {
    TenantScope.enter(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "select " + COLUMNS + " from alias where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenant.value())
                .setParameter(2, id)
                .getResultList())
        .stream().findFirst().map(r -> alias((Object[]) r));
  }

  /** Stores a published alias unless one of its id exists; whether it did. */
  boolean insert(TenantId tenant, String id, String description, List<AliasCandidate> candidates) {
    TenantScope.enter(em, tenant);
    return em.createNativeQuery(
                "insert into alias (tenant_id, id, description, candidates) values (?1, ?2, ?3,"
                    + " cast(?4 as jsonb)) on conflict do nothing")
            .setParameter(1, tenant.value())
            .setParameter(2, id)
            .setParameter(3, description)
            .setParameter(4, json(candidates))
            .executeUpdate()
        != 0;
  }

  void saveDraft(
      TenantId tenant,
      String id,
      String description,
      List<AliasCandidate> candidates,
      String userName) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "update alias set draft_description = ?3, draft_candidates = cast(?4 as jsonb),"
                + " drafted_at = now(), drafted_by = ?5 where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .setParameter(3, description)
        .setParameter(4, json(candidates))
        .setParameter(5, userName)
        .executeUpdate();
  }

  void discardDraft(TenantId tenant, String id) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "update alias set draft_description = null, draft_candidates = null, drafted_at = null,"
                + " drafted_by = null where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .executeUpdate();
  }

  /** The draft replaces the published description and candidates. */
  void publishDraft(TenantId tenant, String id) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "update alias set description = draft_description, candidates = draft_candidates,"
                + " draft_description = null, draft_candidates = null, drafted_at = null,"
                + " drafted_by = null, published_at = now() where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .executeUpdate();
  }

  void delete(TenantId tenant, String id) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery("delete from alias where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .executeUpdate();
  }

  private static Alias alias(Object[] row) {
    List<AliasCandidate> draft = row[4] == null ? null : candidates((String) row[4]);
    return new Alias(
        (String) row[0],
        (String) row[1],
        candidates((String) row[2]),
        draft == null
            ? null
            : new Alias.Draft((String) row[3], draft, SqlValues.instant(row[5]), (String) row[6]),
        SqlValues.instant(row[7]),
        SqlValues.instant(row[8]));
  }

  private static List<AliasCandidate> candidates(String json) {
    try {
      return JacksonConfig.MAPPER.readValue(json, new TypeReference<List<AliasCandidate>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable alias candidates", e);
    }
  }

  private static String json(List<AliasCandidate> candidates) {
    try {
      return JacksonConfig.MAPPER.writeValueAsString(candidates);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
