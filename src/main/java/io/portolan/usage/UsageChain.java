package io.portolan.usage;

import io.portolan.ledger.ChainHash;
import java.time.Instant;

/** The hash chain over a tenant's usage records; writer and verifier share this definition. */
public final class UsageChain {
  private UsageChain() {}

  /** The fields a usage record's hash covers. */
  public record Content(
      long seq,
      String decisionId,
      String model,
      int inputTokens,
      int outputTokens,
      int latencyMs,
      Long costMicros,
      String idempotencyKey,
      String clientId,
      Instant reportedAt) {}

  public static String hash(Content c, String previousHash) {
    String content =
        String.join(
            "\n",
            c.decisionId().toLowerCase(),
            c.model(),
            Integer.toString(c.inputTokens()),
            Integer.toString(c.outputTokens()),
            Integer.toString(c.latencyMs()),
            ChainHash.orEmpty(c.costMicros()),
            ChainHash.orEmpty(c.idempotencyKey()),
            ChainHash.orEmpty(c.clientId()),
            ChainHash.micros(c.reportedAt()));
    return ChainHash.of(c.seq(), content, previousHash);
  }
}
