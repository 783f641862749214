package io.portolan.inventory;

import java.time.Instant;
import java.util.List;

/** A model as the API shows it; {@code vendor} is the vendor's id. */
public record ModelView(
    String id,
    String displayName,
    String vendor,
    List<String> hostingRegions,
    boolean openWeights,
    boolean selfHostable,
    String licence,
    List<String> capabilities,
    CostTier costTier,
    ModelStatus status,
    Instant createdAt,
    Instant updatedAt) {}
