package io.portolan.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A vendor as the API shows it ({@code suspensionScope} only while suspended). */
public record VendorView(
    String id,
    String name,
    String jurisdiction,
    boolean suspended,
    String suspensionReason,
    @JsonInclude(JsonInclude.Include.NON_NULL) String suspensionScope,
    Instant cutOffAt,
    String cutOffReason,
    Instant createdAt,
    Instant updatedAt) {}
