package io.portolan.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * Portolan's answer to "may this team use this model?". {@code fromCache} is true when the SDK
 * reused an earlier answer instead of asking; {@code decisionId} is null when the SDK answered on
 * its own because Portolan could not be reached.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decision(
    String decisionId,
    boolean allow,
    List<Reason> reasons,
    List<Obligation> obligations,
    List<Alternative> alternatives,
    String policyRevision,
    Instant evaluatedAt,
    Instant expiresAt,
    boolean fromCache) {

  /** The code of the reason (or, failing open, the obligation) the SDK adds when Portolan is unreachable. */
  public static final String PORTOLAN_UNAVAILABLE = "portolan_unavailable";

  public Decision {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    obligations = obligations == null ? List.of() : List.copyOf(obligations);
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
  }

  /** Why a decision denied: a stable machine code, a sentence for people, and the rule. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Reason(String code, String message, String rule) {}

  /**
   * A condition the caller must honour when it goes ahead with an allowed call. A scheduled cut-off
   * ({@code cut_off_scheduled}) also names its instant and the models to move to, best first; other
   * obligations leave them null and empty.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Obligation(String code, String message, Instant cutOffAt, List<String> alternatives,
      Long remainingMicros, String currency) {
    public Obligation(String code, String message) {
      this(code, message, null, List.of(), null, null);
    }

    public Obligation {
      alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
  }

  /** A model the team may use instead, with why it qualifies. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Alternative(String model, String vendor, String jurisdiction, String why) {}

  Decision markedFromCache() {
    return new Decision(decisionId, allow, reasons, obligations, alternatives, policyRevision, evaluatedAt, expiresAt, true);
  }

  /** The SDK's own answer when Portolan cannot answer: a deny, or with failOpen an allow that says why. */
  static Decision unavailable(String what, boolean failOpen, Instant now) {
    if (failOpen) {
      return new Decision(null, true, List.of(), List.of(new Obligation(PORTOLAN_UNAVAILABLE, what)), List.of(),
          null, now, now, false);
    }
    return new Decision(null, false, List.of(new Reason(PORTOLAN_UNAVAILABLE, what, "sdk")), List.of(), List.of(),
        null, now, now, false);
  }
}
