package io.portolan.spend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A price as the API shows it. {@code source} is {@code manual} or {@code litellm} (imported);
 * {@code deployment} and {@code validTo} are left out when there is none.
 */
public record Price(
    String id,
    String model,
    @JsonInclude(JsonInclude.Include.NON_NULL) String deployment,
    String currency,
    BigDecimal inputPerMillion,
    BigDecimal outputPerMillion,
    Instant validFrom,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant validTo,
    String source,
    Instant createdAt) {

  boolean validAt(Instant at) {
    return !validFrom.isAfter(at) && (validTo == null || validTo.isAfter(at));
  }

  /** A call's cost in millionths of the currency: tokens times the price per million tokens. */
  long costMicros(long inputTokens, long outputTokens) {
    return inputPerMillion
        .multiply(BigDecimal.valueOf(inputTokens))
        .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  boolean samePriceAs(Price other) {
    return currency.equals(other.currency)
        && inputPerMillion.compareTo(other.inputPerMillion) == 0
        && outputPerMillion.compareTo(other.outputPerMillion) == 0;
  }
}
