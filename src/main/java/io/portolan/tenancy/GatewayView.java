package io.portolan.tenancy;

import java.time.Instant;

/** A gateway credential as listed: never its secret. */
public record GatewayView(
    String id, String clientId, String description, Instant createdAt, String createdBy) {}
