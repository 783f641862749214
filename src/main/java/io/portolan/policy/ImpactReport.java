package io.portolan.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What publishing the draft would change: of the decisions logged in the window, how many would
 * flip each way, with a sample of each.
 */
public record ImpactReport(
    Instant from,
    Instant to,
    long evaluated,
    long allowToDeny,
    long denyToAllow,
    List<JsonNode> allowToDenySamples,
    List<JsonNode> denyToAllowSamples,
    long tookMillis) {}
