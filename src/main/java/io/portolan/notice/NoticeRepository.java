package io.portolan.notice;

import static io.portolan.infrastructure.persistence.SqlValues.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.policy.SuspensionImpactView.Alternative;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** The notice table: one row per subject, milestone and team (db/V21). */
@ApplicationScoped
public class NoticeRepository {
  private static final String COLUMNS =
      "id, kind, subject_type, subject_id, milestone, team, title, message, alternatives::text,"
          + " due_at, created_at";

  @PersistenceContext EntityManager em;

  /** Stores the notice unless its subject, milestone and team have one already; whether it did. */
  boolean insert(TenantId tenant, NoticeView notice) {
    TenantScope.enter(em, tenant);
    return em.createNativeQuery(
                "insert into notice (tenant_id, "
                    + COLUMNS.replace("::text", "")
                    + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as jsonb), ?11, ?12)"
                    + " on conflict (tenant_id, kind, subject_type, subject_id, milestone, team) do"
                    + " nothing")
            .setParameter(1, tenant.value())
            .setParameter(2, notice.id())
            .setParameter(3, notice.kind())
            .setParameter(4, notice.subjectType())
            .setParameter(5, notice.subjectId())
            .setParameter(6, notice.milestone())
            .setParameter(7, notice.team())
            .setParameter(8, notice.title())
            .setParameter(9, notice.message())
            .setParameter(10, json(notice.alternatives()))
            .setParameter(11, notice.dueAt() == null ? null : Timestamp.from(notice.dueAt()))
            .setParameter(12, Timestamp.from(notice.createdAt()))
            .executeUpdate()
        == 1;
  }

  /** Whether any team was given a notice for this subject at this milestone. */
  boolean exists(
      TenantId tenant, String kind, String subjectType, String subjectId, String milestone) {
    TenantScope.enter(em, tenant);
    return !em.createNativeQuery(
            "select 1 from notice where tenant_id = ?1 and kind = ?2 and subject_type = ?3"
                + " and subject_id = ?4 and milestone = ?5 limit 1")
        .setParameter(1, tenant.value())
        .setParameter(2, kind)
        .setParameter(3, subjectType)
        .setParameter(4, subjectId)
        .setParameter(5, milestone)
        .getResultList()
        .isEmpty();
  }

  /** Newest first; a null team or kind matches every one. */
  PageView<NoticeView> list(TenantId tenant, String team, String kind, PageRequest page) {
    TenantScope.enter(em, tenant);
    String where =
        " from notice where tenant_id = ?1 and team = coalesce(cast(?2 as text), team)"
            + " and kind = coalesce(cast(?3 as text), kind)";
    long total =
        ((Number)
                bind(em.createNativeQuery("select count(*)" + where), tenant, team, kind)
                    .getSingleResult())
            .longValue();
    Query query =
        bind(
                em.createNativeQuery(
                    "select "
                        + COLUMNS
                        + where
                        + " order by created_at desc, id offset ?4 limit ?5"),
                tenant,
                team,
                kind)
            .setParameter(4, page.offset())
            .setParameter(5, page.size());
    List<NoticeView> items =
        ((List<?>) query.getResultList()).stream().map(r -> view((Object[]) r)).toList();
    return new PageView<>(items, total, page.page(), page.size());
  }

  private static Query bind(Query query, TenantId tenant, String team, String kind) {
    return query.setParameter(1, tenant.value()).setParameter(2, team).setParameter(3, kind);
  }

  private static NoticeView view(Object[] row) {
    return new NoticeView(
        (UUID) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (String) row[7],
        alternatives((String) row[8]),
        instant(row[9]),
        instant(row[10]));
  }

  private static String json(List<Alternative> alternatives) {
    try {
      return JacksonConfig.MAPPER.writeValueAsString(alternatives);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Alternative> alternatives(String json) {
    try {
      return JacksonConfig.MAPPER.readValue(json, new TypeReference<List<Alternative>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable alternatives in a notice", e);
    }
  }
}
