package io.portolan.inventory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A deployment as clients write it. {@code id} is required on create and must match on update.
 * {@code operator} is the vendor's id, a cloud's slug, or {@value #SELF_HOSTED} when the tenant
 * runs the weights itself. Data terms left out mean "not stated".
 */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DeploymentInput {
  public static final String SELF_HOSTED = "self-hosted";
  static final String ENDPOINT = "^https?://[A-Za-z0-9.\\-\\[\\]:]+(/[!-~]*)?$";

  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String id;

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String model;

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String operator;

  @NotNull(message = "is required")
  @Jurisdiction
  private String operatorJurisdiction;

  @NotNull(message = "is required")
  @Size(min = 1, max = 50, message = "must list 1 to 50 regions")
  private List<
          @NotNull(message = "must not be null")
          @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE) String>
      regions;

  @Size(max = 500, message = "must be at most 500 characters")
  @Pattern(
      regexp = ENDPOINT,
      message = "must be an http or https base URL such as https://llm.example.eu/v1")
  private String endpoint;

  @Min(value = 0, message = "must be between 0 and 36500 days")
  @Max(value = 36500, message = "must be between 0 and 36500 days")
  private Integer retentionDays;

  private Boolean trainsOnPrompts;

  @NotNull(message = "is required")
  private Boolean zeroDataRetention;

  @NotNull(message = "is required")
  private DeploymentStatus status;

  private Instant availableFrom;

  private Instant cutOffAt;

  /** For JSON binding. */
  DeploymentInput() {}

  public DeploymentInput(
      String id,
      String model,
      String operator,
      String operatorJurisdiction,
      List<String> regions,
      String endpoint,
      Integer retentionDays,
      Boolean trainsOnPrompts,
      Boolean zeroDataRetention,
      DeploymentStatus status,
      Instant availableFrom,
      Instant cutOffAt) {
    this.id = id;
    this.model = model;
    this.operator = operator;
    this.operatorJurisdiction = operatorJurisdiction;
    this.regions = regions;
    this.endpoint = endpoint;
    this.retentionDays = retentionDays;
    this.trainsOnPrompts = trainsOnPrompts;
    this.zeroDataRetention = zeroDataRetention;
    this.status = status;
    this.availableFrom = availableFrom;
    this.cutOffAt = cutOffAt;
  }

  public String id() {
    return id;
  }

  public String model() {
    return model;
  }

  public String operator() {
    return operator;
  }

  public String operatorJurisdiction() {
    return operatorJurisdiction;
  }

  public List<String> regions() {
    return regions;
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

  public Boolean zeroDataRetention() {
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
}
