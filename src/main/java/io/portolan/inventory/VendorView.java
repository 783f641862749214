package io.portolan.inventory;

import java.time.Instant;

/** A vendor as the API shows it. */
public record VendorView(
    String id,
    String name,
    String jurisdiction,
    boolean suspended,
    String suspensionReason,
    Instant cutOffAt,
    String cutOffReason,
    Instant createdAt,
    Instant updatedAt) {}
