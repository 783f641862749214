package io.portolan.inventory;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a deployment takes calls: a suspended one is cut off (by its operator, or by the tenant).
 */
public enum DeploymentStatus {
  ACTIVE,
  SUSPENDED;

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
      implements jakarta.persistence.AttributeConverter<DeploymentStatus, String> {
    @Override
    public String convertToDatabaseColumn(DeploymentStatus value) {
      return value == null ? null : value.json();
    }

    @Override
    public DeploymentStatus convertToEntityAttribute(String column) {
      return column == null ? null : valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
