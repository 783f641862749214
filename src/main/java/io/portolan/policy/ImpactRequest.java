package io.portolan.policy;

import java.time.Instant;

/** The window of logged decisions to replay; both ends optional (default: the last 7 days). */
public record ImpactRequest(Instant from, Instant to) {}
