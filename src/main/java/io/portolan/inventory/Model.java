package io.portolan.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An AI model in a tenant's inventory. Only a model in status {@code approved} of a vendor that is
 * not suspended can be allowed by a decision.
 */
@Entity
@Table(name = "model")
@IdClass(TenantScopedKey.class)
public class Model {
  @Id
  @Column(name = "tenant_id")
  String tenantId;

  @Id String id;

  @Column(name = "display_name")
  String displayName;

  @Column(name = "vendor_id")
  String vendorId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "hosting_regions")
  String[] hostingRegions;

  @Column(name = "open_weights")
  boolean openWeights;

  @Column(name = "self_hostable")
  boolean selfHostable;

  String licence;

  @JdbcTypeCode(SqlTypes.ARRAY)
  String[] capabilities;

  @Convert(converter = CostTier.Column.class)
  @Column(name = "cost_tier")
  CostTier costTier;

  @Convert(converter = ModelStatus.Column.class)
  ModelStatus status;

  @Column(name = "cut_off_at")
  Instant cutOffAt;

  @Column(name = "cut_off_reason")
  String cutOffReason;

  @Column(name = "created_at", updatable = false)
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  protected Model() {}

  Model(String tenantId, String id) {
    this.tenantId = tenantId;
    this.id = id;
    this.createdAt = Instant.now();
  }

  void apply(ModelInput input) {
    String statedReason = CutOffs.reason(input.cutOffAt(), input.cutOffReason());
    displayName = input.displayName();
    vendorId = input.vendor();
    hostingRegions = input.hostingRegions().stream().distinct().sorted().toArray(String[]::new);
    openWeights = input.openWeights();
    selfHostable = input.selfHostable();
    licence = input.licence();
    capabilities = input.capabilities().stream().distinct().sorted().toArray(String[]::new);
    costTier = input.costTier();
    status = input.status();
    cutOffReason = statedReason;
    cutOffAt = CutOffs.instant(input.cutOffAt());
    updatedAt = Instant.now();
  }

  public String id() {
    return id;
  }

  public String vendorId() {
    return vendorId;
  }

  public ModelStatus status() {
    return status;
  }

  public List<String> hostingRegions() {
    return List.of(hostingRegions);
  }

  public List<String> capabilities() {
    return List.of(capabilities);
  }

  public boolean openWeights() {
    return openWeights;
  }

  public boolean selfHostable() {
    return selfHostable;
  }

  public CostTier costTier() {
    return costTier;
  }

  /** When decisions start to deny with {@code cut_off}; null: none announced. */
  public Instant cutOffAt() {
    return cutOffAt;
  }

  public String cutOffReason() {
    return cutOffReason;
  }

  ModelView view() {
    return new ModelView(
        id,
        displayName,
        vendorId,
        List.of(hostingRegions),
        openWeights,
        selfHostable,
        licence,
        List.of(capabilities),
        costTier,
        status,
        cutOffAt,
        cutOffReason,
        createdAt,
        updatedAt,
        null);
  }
}
