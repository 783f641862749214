package io.portolan.policy;

import java.time.Instant;

/** A published, immutable revision of a tenant's settings. */
public record RevisionView(
    int number,
    String hash,
    Instant publishedAt,
    String publishedBy,
    Integer rolledBackTo,
    PolicySettings settings) {}
