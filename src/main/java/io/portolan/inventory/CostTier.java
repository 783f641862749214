package io.portolan.inventory;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a model costs to use, coarsely. */
public enum CostTier {
  LOW,
  MEDIUM,
  HIGH;

  @JsonValue
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return json();
  }

  /** Stores the lower-case name the API uses. */
  @jakarta.persistence.Converter
  public static class Column implements jakarta.persistence.AttributeConverter<CostTier, String> {
    @Override
    public String convertToDatabaseColumn(CostTier value) {
      return value == null ? null : value.json();
    }

    @Override
    public CostTier convertToEntityAttribute(String column) {
      return column == null ? null : valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
