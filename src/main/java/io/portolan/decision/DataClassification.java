package io.portolan.decision;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How sensitive the data sent to the model is, from least to most. */
public enum DataClassification {
  PUBLIC,
  INTERNAL,
  CONFIDENTIAL,
  RESTRICTED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return json();
  }
}
