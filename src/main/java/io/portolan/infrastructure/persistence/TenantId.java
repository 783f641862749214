package io.portolan.infrastructure.persistence;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant: the alias of a Keycloak organization, such as {@code acme}. */
public record TenantId(String value) {
  private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public TenantId {
    Objects.requireNonNull(value, "tenant");
    if (!ALIAS.matcher(value).matches()) {
      throw new IllegalArgumentException("not a tenant alias: " + value);
    }
  }

  public static boolean isValid(String value) {
    return value != null && ALIAS.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
