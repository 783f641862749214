package io.portolan.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A condition the gateway must honour when it goes ahead with an allowed call. A scheduled cut-off
 * ({@code cut_off_scheduled}) also names its date and the models to move to, best first; a budget
 * warning ({@code budget_warning}) the budget left this month and its currency. Other obligations
 * leave these out (and so hash as they did before these existed).
 */
public record Obligation(
    String code,
    String message,
    @JsonInclude(JsonInclude.Include.NON_NULL) String cutOffAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> alternatives,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long remainingMicros,
    @JsonInclude(JsonInclude.Include.NON_NULL) String currency) {
  public Obligation(String code, String message) {
    this(code, message, null, List.of(), null, null);
  }

  public Obligation {
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
  }
}
