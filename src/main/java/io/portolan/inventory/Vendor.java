package io.portolan.inventory;

import io.portolan.infrastructure.web.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A model vendor and its jurisdiction. A suspended vendor's models are denied (kill switch), or
 * only the deployments it operates itself (suspension scope vendor-operated).
 */
@Entity
@Table(name = "vendor")
@IdClass(TenantScopedKey.class)
public class Vendor {
  @Id
  @Column(name = "tenant_id")
  String tenantId;

  @Id String id;
  String name;
  String jurisdiction;
  boolean suspended;

  @Column(name = "suspension_reason")
  String suspensionReason;

  /**
   * all: the vendor's models wherever they run; vendor-operated: only the deployments it operates.
   * Null when not suspended.
   */
  @Column(name = "suspension_scope")
  String suspensionScope;

  @Column(name = "cut_off_at")
  Instant cutOffAt;

  @Column(name = "cut_off_reason")
  String cutOffReason;

  @Column(name = "created_at", updatable = false)
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  protected Vendor() {}

  Vendor(String tenantId, String id) {
    this.tenantId = tenantId;
    this.id = id;
    this.createdAt = Instant.now();
  }

  void apply(VendorInput input) {
    String statedReason = CutOffs.reason(input.cutOffAt(), input.cutOffReason());
    if (Boolean.TRUE.equals(input.suspended())
        && (input.suspensionReason() == null || input.suspensionReason().isBlank())) {
      throw ProblemException.badRequest("suspensionReason", "is required when suspended is true");
    }
    name = input.name();
    jurisdiction = input.jurisdiction();
    suspended = Boolean.TRUE.equals(input.suspended());
    suspensionReason = suspended ? input.suspensionReason() : null;
    if (!suspended && input.suspensionScope() != null) {
      throw ProblemException.badRequest(
          "suspensionScope", "is only for a suspension: set suspended to true");
    }
    suspensionScope =
        suspended ? (input.suspensionScope() == null ? "all" : input.suspensionScope()) : null;
    cutOffReason = statedReason;
    cutOffAt = CutOffs.instant(input.cutOffAt());
    updatedAt = Instant.now();
  }

  public String id() {
    return id;
  }

  public String jurisdiction() {
    return jurisdiction;
  }

  public boolean suspended() {
    return suspended;
  }

  public String suspensionReason() {
    return suspensionReason;
  }

  /**
   * What the suspension stops: null when not suspended; a suspension written without a scope stops
   * everything.
   */
  public String suspensionScope() {
    return suspended ? (suspensionScope == null ? "all" : suspensionScope) : null;
  }

  /** When decisions start to deny with {@code cut_off}; null: none announced. */
  public Instant cutOffAt() {
    return cutOffAt;
  }

  public String cutOffReason() {
    return cutOffReason;
  }

  VendorView view() {
    return new VendorView(
        id,
        name,
        jurisdiction,
        suspended,
        suspensionReason,
        suspensionScope(),
        cutOffAt,
        cutOffReason,
        createdAt,
        updatedAt);
  }
}
