package io.portolan.usage;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One call's usage, as a gateway reports it. A class, not a record: see DecisionRequest. */
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class UsageReport {
  @NotNull(message = "is required")
  @Pattern(
      regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
      message = "must be a decision id (UUID)")
  private String decisionId;

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String model;

  @NotNull(message = "is required")
  @Min(value = 0, message = "must be 0 or more")
  @Max(value = 100_000_000, message = "must be at most 100000000")
  private Integer inputTokens;

  @NotNull(message = "is required")
  @Min(value = 0, message = "must be 0 or more")
  @Max(value = 100_000_000, message = "must be at most 100000000")
  private Integer outputTokens;

  @NotNull(message = "is required")
  @Min(value = 0, message = "must be 0 or more")
  @Max(value = 86_400_000, message = "must be at most 86400000")
  private Integer latencyMs;

  @Min(value = 0, message = "must be 0 or more")
  private Long costMicros;

  UsageReport() {}

  public String decisionId() {
    return decisionId;
  }

  public String model() {
    return model;
  }

  public Integer inputTokens() {
    return inputTokens;
  }

  public Integer outputTokens() {
    return outputTokens;
  }

  public Integer latencyMs() {
    return latencyMs;
  }

  public Long costMicros() {
    return costMicros;
  }
}
