package io.portolan.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A team of the tenant: the unit that approvals and decisions name. */
@Entity
@Table(name = "team")
@IdClass(TenantScopedKey.class)
public class Team {
  @Id
  @Column(name = "tenant_id")
  String tenantId;

  @Id String id;
  String name;

  @Column(name = "default_task_tier")
  String defaultTaskTier;

  @Column(name = "created_at", updatable = false)
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  protected Team() {}

  Team(String tenantId, String id) {
    this.tenantId = tenantId;
    this.id = id;
    this.createdAt = Instant.now();
  }

  void apply(TeamInput input) {
    name = input.name();
    defaultTaskTier = input.defaultTaskTier() == null ? "standard" : input.defaultTaskTier();
    updatedAt = Instant.now();
  }

  public String id() {
    return id;
  }

  public String defaultTaskTier() {
    return defaultTaskTier;
  }

  TeamView view() {
    return new TeamView(id, name, defaultTaskTier, createdAt, updatedAt);
  }
}
