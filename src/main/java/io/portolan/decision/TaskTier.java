package io.portolan.decision;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How demanding a task is; the tenant's settings say which cost tiers each may use. */
public enum TaskTier {
  ROUTINE,
  STANDARD,
  CRITICAL;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return json();
  }
}
