package io.portolan.inventory;

import java.time.Instant;

/** A team as the API shows it. */
public record TeamView(
    String id, String name, String defaultTaskTier, Instant createdAt, Instant updatedAt) {}
