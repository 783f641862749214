package io.portolan.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An impact analysis run as a job: its status ({@code queued, running, done, failed, cancelled}),
 * its progress ({@code replayed} of {@code total} logged decisions; total is known once it runs)
 * and, when done, the report in the shape {@code POST /policy/impact} answers. Lists leave the
 * report out.
 */
public record ImpactJobView(
    UUID id,
    String status,
    Instant from,
    Instant to,
    Long total,
    long replayed,
    boolean cancelRequested,
    String requestedBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String error,
    JsonNode result) {}
