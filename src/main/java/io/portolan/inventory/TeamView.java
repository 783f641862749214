package io.portolan.inventory;

import java.time.Instant;

/** A team as the API shows it. */
public record TeamView(String id, String name, Instant createdAt, Instant updatedAt) {}
