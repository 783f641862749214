package io.portolan.spend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** A price as the API shows it. {@code source} is {@code manual} or {@code litellm} (imported). */
public record Price(String id, String model, String deployment, String currency, BigDecimal inputPerMillion,
    BigDecimal outputPerMillion, Instant validFrom, Instant validTo, String source, Instant createdAt) {

  boolean validAt(Instant at) {
    return !validFrom.isAfter(at) && (validTo == null || validTo.isAfter(at));
  }

  /** A call's cost in millionths of the currency: tokens times the price per million tokens. */
  long costMicros(long inputTokens, long outputTokens) {
    return inputPerMillion.multiply(BigDecimal.valueOf(inputTokens))
        .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  boolean samePriceAs(Price other) {
    return currency.equals(other.currency) && inputPerMillion.compareTo(other.inputPerMillion) == 0
        && outputPerMillion.compareTo(other.outputPerMillion) == 0;
  }
}
