package io.portolan.policy;

import static io.portolan.infrastructure.persistence.SqlValues.instant;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The policy_settings_draft and policy_revision tables, in the caller's transaction; every
 * statement runs in the tenant's row-level-security scope. Settings go in and come out as JSON
 * text; the service reads and writes them.
 */
@ApplicationScoped
public class PolicyRepository {
  private static final String REVISION_COLUMNS =
      "number, hash, published_at, published_by, rolled_back_to, settings::text";

  @PersistenceContext EntityManager em;

  /** A policy_revision row, its settings still JSON text. */
  record Revision(
      int number,
      String hash,
      Instant publishedAt,
      String publishedBy,
      Integer rolledBackTo,
      String settings) {}

  /** The draft's settings as JSON text, if the tenant has a draft. */
  Optional<String> draft(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select settings::text from policy_settings_draft where tenant_id = ?1")
            .setParameter(1, tenant.value())
            .getResultList();
    return rows.stream().findFirst().map(String.class::cast);
  }

  void saveDraft(TenantId tenant, String settings, String user) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "insert into policy_settings_draft (tenant_id, settings, updated_by) values (?1,"
                + " cast(?2 as jsonb), ?3) on conflict (tenant_id) do update set settings ="
                + " excluded.settings, updated_by = excluded.updated_by, updated_at = now()")
        .setParameter(1, tenant.value())
        .setParameter(2, settings)
        .setParameter(3, user)
        .executeUpdate();
  }

  /** Newest first. */
  List<Revision> revisions(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + REVISION_COLUMNS
                    + " from policy_revision where tenant_id = ?1 order by number desc")
            .setParameter(1, tenant.value())
            .getResultList();
    return rows.stream().map(r -> revision((Object[]) r)).toList();
  }

  Optional<Revision> latest(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + REVISION_COLUMNS
                    + " from policy_revision where tenant_id = ?1 order by number desc limit 1")
            .setParameter(1, tenant.value())
            .getResultList();
    return rows.stream().findFirst().map(r -> revision((Object[]) r));
  }

  Optional<Revision> revision(TenantId tenant, int number) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + REVISION_COLUMNS
                    + " from policy_revision where tenant_id = ?1 and number = ?2")
            .setParameter(1, tenant.value())
            .setParameter(2, number)
            .getResultList();
    return rows.stream().findFirst().map(r -> revision((Object[]) r));
  }

  /**
   * One publisher per tenant at a time, until the transaction ends: revision numbers stay gapless
   * and ordered.
   */
  void lockRevisions(TenantId tenant) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "policy-revision:" + tenant.value())
        .getSingleResult();
  }

  /** The number the next revision gets; hold {@link #lockRevisions} first. */
  int nextRevisionNumber(TenantId tenant) {
    TenantScope.enter(em, tenant);
    return ((Number)
            em.createNativeQuery(
                    "select coalesce(max(number), 0) + 1 from policy_revision where tenant_id ="
                        + " ?1")
                .setParameter(1, tenant.value())
                .getSingleResult())
        .intValue();
  }

  void insertRevision(
      TenantId tenant,
      int number,
      String settings,
      String hash,
      String user,
      Integer rolledBackTo) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "insert into policy_revision (tenant_id, number, settings, hash, published_by,"
                + " rolled_back_to) values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6)")
        .setParameter(1, tenant.value())
        .setParameter(2, number)
        .setParameter(3, settings)
        .setParameter(4, hash)
        .setParameter(5, user)
        .setParameter(6, rolledBackTo)
        .executeUpdate();
  }

  private static Revision revision(Object[] row) {
    return new Revision(
        ((Number) row[0]).intValue(),
        (String) row[1],
        instant(row[2]),
        (String) row[3],
        row[4] == null ? null : ((Number) row[4]).intValue(),
        (String) row[5]);
  }
}
