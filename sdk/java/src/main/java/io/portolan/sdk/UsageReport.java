package io.portolan.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * What one model call used, linked to the decision that allowed it. {@code costMicros} may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageReport(
    String decisionId,
    String model,
    int inputTokens,
    int outputTokens,
    int latencyMs,
    Long costMicros) {

  public UsageReport {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(model, "model");
  }

  public UsageReport(
      String decisionId, String model, int inputTokens, int outputTokens, int latencyMs) {
    this(decisionId, model, inputTokens, outputTokens, latencyMs, null);
  }
}
