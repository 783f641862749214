package io.portolan.spend;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * A monthly budget as clients write it: for a team, or a team's use of one vendor, in a currency.
 * {@code onExceeded}: {@code deny} (default) or {@code low-tier-only} (over the budget, only
 * low-cost models are allowed).
 */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class BudgetInput {
  private static final String LIMIT_MESSAGE =
      "must be an amount above 0 and at most 1000000000 with at most 2 decimals";

  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String team;

  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String vendor;

  @NotNull(message = "is required")
  @Pattern(regexp = PriceInput.CURRENCY, message = PriceInput.CURRENCY_MESSAGE)
  private String currency;

  @NotNull(message = "is required")
  @DecimalMin(value = "0.01", message = LIMIT_MESSAGE)
  @DecimalMax(value = "1000000000", message = LIMIT_MESSAGE)
  @Digits(integer = 10, fraction = 2, message = LIMIT_MESSAGE)
  private BigDecimal monthlyLimit;

  @Pattern(regexp = "deny|low-tier-only", message = "must be deny or low-tier-only")
  private String onExceeded;

  /** For JSON binding. */
  BudgetInput() {}

  public String team() {
    return team;
  }

  public String vendor() {
    return vendor;
  }

  public String currency() {
    return currency;
  }

  public BigDecimal monthlyLimit() {
    return monthlyLimit;
  }

  public String onExceeded() {
    return onExceeded == null ? "deny" : onExceeded;
  }
}
