package io.portolan.inventory;

import io.portolan.infrastructure.web.ProblemException;
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
 * Where a model runs: one endpoint, its operator and the operator's jurisdiction, the regions it
 * serves and its data terms. A model's weights come from its vendor; a deployment says who runs
 * them, so policy can tell "DeepSeek's weights on our EU cluster" from "DeepSeek's own API".
 */
@Entity
@Table(name = "deployment")
@IdClass(TenantScopedKey.class)
public class Deployment {
  @Id
  @Column(name = "tenant_id")
  String tenantId;

  @Id String id;

  @Column(name = "model_id")
  String modelId;

  String operator;

  @Column(name = "operator_jurisdiction")
  String operatorJurisdiction;

  @JdbcTypeCode(SqlTypes.ARRAY)
  String[] regions;

  String endpoint;

  @Column(name = "retention_days")
  Integer retentionDays;

  @Column(name = "trains_on_prompts")
  Boolean trainsOnPrompts;

  @Column(name = "zero_data_retention")
  boolean zeroDataRetention;

  @Convert(converter = DeploymentStatus.Column.class)
  DeploymentStatus status;

  @Column(name = "available_from")
  Instant availableFrom;

  @Column(name = "cut_off_at")
  Instant cutOffAt;

  @Column(name = "created_at", updatable = false)
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  protected Deployment() {}

  Deployment(String tenantId, String id) {
    this.tenantId = tenantId;
    this.id = id;
    this.createdAt = Instant.now();
  }

  void apply(DeploymentInput input) {
    boolean zero = input.zeroDataRetention();
    if (zero && input.retentionDays() != null && input.retentionDays() > 0) {
      throw ProblemException.badRequest(
          "retentionDays", "must be 0 or left out when zeroDataRetention is true");
    }
    if (input.availableFrom() != null
        && input.cutOffAt() != null
        && !input.cutOffAt().isAfter(input.availableFrom())) {
      throw ProblemException.badRequest("cutOffAt", "must be after availableFrom");
    }
    modelId = input.model();
    operator = input.operator();
    operatorJurisdiction = input.operatorJurisdiction();
    regions = input.regions().stream().distinct().sorted().toArray(String[]::new);
    endpoint = input.endpoint();
    // Zero data retention keeps nothing: say so in days too, so policy reads one fact.
    retentionDays = zero ? Integer.valueOf(0) : input.retentionDays();
    trainsOnPrompts = input.trainsOnPrompts();
    zeroDataRetention = zero;
    status = input.status();
    availableFrom = input.availableFrom();
    cutOffAt = input.cutOffAt();
    updatedAt = Instant.now();
  }

  public String id() {
    return id;
  }

  public String modelId() {
    return modelId;
  }

  public String operator() {
    return operator;
  }

  /** The tenant runs it: the weights never leave the tenant's own infrastructure. */
  public boolean selfHosted() {
    return DeploymentInput.SELF_HOSTED.equals(operator);
  }

  public String operatorJurisdiction() {
    return operatorJurisdiction;
  }

  public List<String> regions() {
    return List.of(regions);
  }

  public String endpoint() {
    return endpoint;
  }

  public Integer retentionDays() {
    return retentionDays;
  }

  public Boolean trainsOnPrompts() {
    return trainsOnPrompts;
  }

  public boolean zeroDataRetention() {
    return zeroDataRetention;
  }

  public DeploymentStatus status() {
    return status;
  }

  public Instant availableFrom() {
    return availableFrom;
  }

  public Instant cutOffAt() {
    return cutOffAt;
  }

  DeploymentView view() {
    return new DeploymentView(
        id,
        modelId,
        operator,
        selfHosted(),
        operatorJurisdiction,
        List.of(regions),
        endpoint,
        retentionDays,
        trainsOnPrompts,
        zeroDataRetention,
        status,
        availableFrom,
        cutOffAt,
        createdAt,
        updatedAt);
  }
}
