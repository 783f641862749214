package io.portolan.inventory;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a model stands in the inventory's lifecycle. */
public enum ModelStatus {
  PROPOSED,
  APPROVED,
  RESTRICTED,
  SUSPENDED,
  RETIRED;

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
  public static class Column
      implements jakarta.persistence.AttributeConverter<ModelStatus, String> {
    @Override
    public String convertToDatabaseColumn(ModelStatus value) {
      return value == null ? null : value.json();
    }

    @Override
    public ModelStatus convertToEntityAttribute(String column) {
      return column == null ? null : valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
