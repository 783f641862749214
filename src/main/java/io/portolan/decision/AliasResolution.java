package io.portolan.decision;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a question for an alias resolved to: the alias asked for and the model of its first usable
 * candidate, null when none could be used (the answer is then a deny, {@code alias_unresolved}).
 */
public record AliasResolution(String name, String model) {
  static AliasResolution of(JsonNode alias) {
    if (alias == null || !alias.isObject() || !alias.path("name").isTextual()) {
      return null;
    }
    return new AliasResolution(
        alias.path("name").asText(),
        alias.path("model").isTextual() ? alias.path("model").asText() : null);
  }

  /** The model the log records: the resolved one, or the alias itself when none resolved. */
  String loggedModel() {
    return model != null ? model : name;
  }
}
