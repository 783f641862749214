package io.portolan.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Slugs;
import io.portolan.infrastructure.web.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns OPA decision-log events into decision-log entries. Only decisions of the {@code
 * portolan/decision} rule for the uploading gateway's own tenant are filed; anything else is
 * skipped and counted, among it an event whose stored text the database cannot or should not store
 * ({@link StorableText}): refusing the whole upload would stall the sidecar, which retries it.
 * Fields that are not stored (a prompt in the input, say) may hold anything.
 */
@ApplicationScoped
public class SidecarEvents {
  static final String DECISION_PATH = "portolan/decision";

  /** The entries to file and how many events were skipped. */
  public record Filed(List<DecisionLogEntry> entries, int skipped) {}

  public Filed toEntries(TenantId tenant, String clientId, JsonNode events) {
    List<DecisionLogEntry> entries = new ArrayList<>();
    int skipped = 0;
    for (JsonNode event : events) {
      DecisionLogEntry entry = toEntry(tenant, clientId, event);
      if (entry == null) {
        skipped++;
      } else {
        entries.add(entry);
      }
    }
    return new Filed(entries, skipped);
  }

  /** The entry for one event, or null when it is not a decision this tenant may file. */
  static DecisionLogEntry toEntry(TenantId tenant, String clientId, JsonNode event) {
    JsonNode input = event.path("input");
    JsonNode result = event.path("result");
    if (!DECISION_PATH.equals(event.path("path").asText())
        || !tenant.value().equals(input.path("tenant").asText())
        || event.path("decision_id").asText("").isBlank()) {
      return null;
    }
    String team = text(input, "team", Slugs.ID);
    String model = text(input, "model", Slugs.ID);
    String purpose = text(input, "purpose", Slugs.ID);
    String region = text(input, "region", Slugs.REGION);
    DataClassification classification =
        enumOf(DataClassification.class, input.path("dataClassification").asText());
    if (team == null
        || model == null
        || purpose == null
        || region == null
        || classification == null
        || !result.path("allow").isBoolean()) {
      return null;
    }
    TaskTier tier =
        input.hasNonNull("taskTier")
            ? enumOf(TaskTier.class, input.path("taskTier").asText())
            : null;
    DecisionRequest request =
        new DecisionRequest(team, model, purpose, classification, region)
            .withDeployment(text(input, "deployment", Slugs.ID));
    request = tier == null ? request : request.withTaskTier(tier);
    String routed = text(result.path("route"), "deployment", Slugs.ID);
    AliasResolution alias = AliasResolution.of(result.get("alias"));
    if (alias != null
        && (!alias.name().equals(model)
            || (alias.model() != null && !alias.model().matches(Slugs.ID)))) {
      return null;
    }
    List<Reason> reasons = new ArrayList<>();
    for (JsonNode r : result.path("reasons")) {
      reasons.add(
          new Reason(r.path("code").asText(), r.path("message").asText(), r.path("rule").asText()));
    }
    List<Obligation> obligations = new ArrayList<>();
    for (JsonNode o : result.path("obligations")) {
      List<String> alternatives = new ArrayList<>();
      o.path("alternatives").forEach(alternative -> alternatives.add(alternative.asText()));
      obligations.add(
          new Obligation(
              o.path("code").asText(),
              o.path("message").asText(),
              o.path("cutOffAt").isTextual() ? o.path("cutOffAt").asText() : null,
              alternatives,
              o.path("remainingMicros").isIntegralNumber()
                  ? o.path("remainingMicros").asLong()
                  : null,
              o.path("currency").isTextual() ? o.path("currency").asText() : null));
    }
    String revision =
        result
            .path("revision")
            .asText(event.path("bundles").path("portolan").path("revision").asText("unknown"));
    if (!storable(revision)
        || !reasons.stream()
            .allMatch(r -> storable(r.code()) && storable(r.message()) && storable(r.rule()))
        || !obligations.stream().allMatch(SidecarEvents::storable)) {
      return null;
    }
    return new DecisionLogEntry(
        id(tenant, event.path("decision_id").asText()),
        tenant,
        clientId,
        alias == null ? request : request.withModel(alias.loggedModel()),
        result.path("allow").asBoolean(),
        List.copyOf(reasons),
        List.copyOf(obligations),
        revision,
        instant(event.path("timestamp").asText()),
        DecisionLogEntry.Source.OPA_SIDECAR,
        result.path("allow").asBoolean() ? routed : null,
        alias == null ? null : alias.name());
  }

  /** A sidecar's obligation only when every text in it is one the log can hold. */
  private static boolean storable(Obligation o) {
    return storable(o.code())
        && storable(o.message())
        && (o.cutOffAt() == null || storable(o.cutOffAt()))
        && (o.currency() == null || storable(o.currency()))
        && o.alternatives().size() <= 20
        && o.alternatives().stream().allMatch(SidecarEvents::storable);
  }

  private static boolean storable(String text) {
    return StorableText.problemIn(text, StorableText.Lines.MULTIPLE) == null;
  }

  private static String text(JsonNode input, String field, String pattern) {
    String value = input.path(field).asText(null);
    return value != null && value.matches(pattern) ? value : null;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  /**
   * OPA's decision ids are UUIDs; anything else maps to a stable name-based one within the tenant.
   */
  static UUID id(TenantId tenant, String decisionId) {
    try {
      return UUID.fromString(decisionId);
    } catch (IllegalArgumentException e) {
      return UUID.nameUUIDFromBytes(
          ("opa:" + tenant.value() + ":" + decisionId).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * In microseconds, as PostgreSQL stores it: OPA's nanoseconds were rounded by the database but
   * truncated in the hash, so about half of all uploaded entries failed verification.
   */
  static Instant instant(String timestamp) {
    Instant at;
    try {
      at = Instant.parse(timestamp);
    } catch (RuntimeException e) {
      at = Instant.now();
    }
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
