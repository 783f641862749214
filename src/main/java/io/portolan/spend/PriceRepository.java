package io.portolan.spend;

import io.portolan.infrastructure.persistence.SqlValues;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads and writes a tenant's prices, within its row-level-security scope. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PriceRepository {
  private static final String COLUMNS =
      "id::text, model_id, deployment_id, currency, input_per_million,"
          + " output_per_million, valid_from, valid_to, source, created_at";

  @PersistenceContext EntityManager em;

  /** Prices of the given models (all of them when null), by model, then validity. */
  List<Price> ofModels(TenantId tenant, Collection<String> models) {
    TenantScope.enter(em, tenant);
    String where =
        models == null ? "" : " and model_id = any(cast(string_to_array(?2, ',') as text[]))";
    var query =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from price where tenant_id = ?1"
                    + where
                    + " order by model_id, deployment_id nulls first, valid_from")
            .setParameter(1, tenant.value());
    if (models != null) {
      query.setParameter(2, String.join(",", models));
    }
    return query.getResultList().stream().map(row -> price((Object[]) row)).toList();
  }

  Optional<Price> find(TenantId tenant, String id) {
    TenantScope.enter(em, tenant);
    return em
        .createNativeQuery(
            "select " + COLUMNS + " from price where tenant_id = ?1 and id = cast(?2 as uuid)")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .getResultList()
        .stream()
        .findFirst()
        .map(row -> price((Object[]) row));
  }

  /** Serialises writers of one model's prices across replicas until the transaction ends. */
  void lockModel(TenantId tenant, String model) {
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "price:" + tenant.value() + ":" + model)
        .getSingleResult();
  }

  void insert(TenantId tenant, Price price) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "insert into price (tenant_id, id, model_id, deployment_id, currency,"
                + " input_per_million, output_per_million, valid_from, valid_to, source,"
                + " created_at) values (?1, cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                + " ?11)")
        .setParameter(1, tenant.value())
        .setParameter(2, price.id())
        .setParameter(3, price.model())
        .setParameter(4, price.deployment())
        .setParameter(5, price.currency())
        .setParameter(6, price.inputPerMillion())
        .setParameter(7, price.outputPerMillion())
        .setParameter(8, Timestamp.from(price.validFrom()))
        .setParameter(9, price.validTo() == null ? null : Timestamp.from(price.validTo()))
        .setParameter(10, price.source())
        .setParameter(11, Timestamp.from(price.createdAt()))
        .executeUpdate();
  }

  void close(TenantId tenant, String id, Instant validTo) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "update price set valid_to = ?3 where tenant_id = ?1 and id = cast(?2 as uuid)")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .setParameter(3, Timestamp.from(validTo))
        .executeUpdate();
  }

  void delete(TenantId tenant, String id) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery("delete from price where tenant_id = ?1 and id = cast(?2 as uuid)")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .executeUpdate();
  }

  /** 2.500000 as 2.5, and 1000000 as 1000000 rather than 1E+6. */
  private static BigDecimal plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static Price price(Object[] row) {
    return new Price(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        ((String) row[3]).trim(),
        plain((BigDecimal) row[4]),
        plain((BigDecimal) row[5]),
        SqlValues.instant(row[6]),
        SqlValues.instant(row[7]),
        (String) row[8],
        SqlValues.instant(row[9]));
  }
}
