package io.portolan.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

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
    String canonical =
        String.join(
            "\n",
            Long.toString(c.seq()),
            c.decisionId().toLowerCase(),
            c.model(),
            Integer.toString(c.inputTokens()),
            Integer.toString(c.outputTokens()),
            Integer.toString(c.latencyMs()),
            c.costMicros() == null ? "" : c.costMicros().toString(),
            c.idempotencyKey() == null ? "" : c.idempotencyKey(),
            c.clientId() == null ? "" : c.clientId(),
            Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, c.reportedAt())),
            previousHash);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
