package io.portolan.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The tenant's webhook; {@code secret} only in the answer that created or rotated it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(String url, Instant createdAt, Instant updatedAt, String secret) {}
