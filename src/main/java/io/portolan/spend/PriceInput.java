package io.portolan.spend;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A price as clients write it: per million input and output tokens, in a currency (ISO 4217), from
 * {@code validFrom} (default: now) until {@code validTo} (default: until further notice).
 */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class PriceInput {
  static final String CURRENCY = "^[A-Z]{3}$";
  static final String CURRENCY_MESSAGE = "must be an ISO 4217 currency code such as USD or EUR";
  private static final String AMOUNT_MESSAGE =
      "must be an amount per million tokens from 0 to 1000000 with at most 6 decimals";

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String model;

  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String deployment;

  @NotNull(message = "is required")
  @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE)
  private String currency;

  @NotNull(message = "is required")
  @DecimalMin(value = "0", message = AMOUNT_MESSAGE)
  @DecimalMax(value = "1000000", message = AMOUNT_MESSAGE)
  @Digits(integer = 7, fraction = 6, message = AMOUNT_MESSAGE)
  private BigDecimal inputPerMillion;

  @NotNull(message = "is required")
  @DecimalMin(value = "0", message = AMOUNT_MESSAGE)
  @DecimalMax(value = "1000000", message = AMOUNT_MESSAGE)
  @Digits(integer = 7, fraction = 6, message = AMOUNT_MESSAGE)
  private BigDecimal outputPerMillion;

  private Instant validFrom;

  private Instant validTo;

  /** For JSON binding. */
  PriceInput() {}

  PriceInput(
      String model,
      String currency,
      BigDecimal inputPerMillion,
      BigDecimal outputPerMillion,
      Instant validFrom) {
    this.model = model;
    this.currency = currency;
    this.inputPerMillion = inputPerMillion;
    this.outputPerMillion = outputPerMillion;
    this.validFrom = validFrom;
  }

  public String model() {
    return model;
  }

  public String deployment() {
    return deployment;
  }

  public String currency() {
    return currency;
  }

  public BigDecimal inputPerMillion() {
    return inputPerMillion;
  }

  public BigDecimal outputPerMillion() {
    return outputPerMillion;
  }

  public Instant validFrom() {
    return validFrom;
  }

  public Instant validTo() {
    return validTo;
  }
}
