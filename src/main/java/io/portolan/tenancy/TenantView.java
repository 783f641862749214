package io.portolan.tenancy;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A tenant as the platform admin sees it. */
public record TenantView(String id, Instant createdAt) {
  static TenantView fromRow(Object[] row) {
    Object created = row[1];
    Instant at =
        created instanceof OffsetDateTime odt
            ? odt.toInstant()
            : created instanceof Instant i ? i : Instant.parse(String.valueOf(created));
    return new TenantView((String) row[0], at);
  }
}
