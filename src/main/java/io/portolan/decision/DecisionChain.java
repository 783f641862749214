package io.portolan.decision;

import io.portolan.ledger.ChainHash;
import java.time.Instant;

/**
 * The hash chain over a tenant's decision log: each entry's hash covers its content, its place
 * (seq) and the previous entry's hash. Writer and verifier use this one definition.
 */
public final class DecisionChain {
  /** The previous hash of a tenant's first chained entry. */
  public static final String GENESIS = ChainHash.GENESIS;

  private DecisionChain() {}

  /** The fields of a logged decision that the hash covers, in the order they are hashed. */
  public record Content(
      long seq,
      String id,
      String team,
      String model,
      String purpose,
      String dataClassification,
      String region,
      boolean allow,
      String reasonsJson,
      String policyRevision,
      Instant evaluatedAt,
      String clientId,
      String taskTier,
      String source,
      String obligationsJson,
      String askedDeployment,
      String deployment,
      String alias) {}

  public static String hash(Content c, String previousHash) {
    return hash(c.seq(), content(c), previousHash);
  }

  /**
   * The hashed fields other than the place in the chain, as one text. The writer sends this to the
   * database, which numbers and links the entry (db/V13): hash = sha256(seq \n content \n
   * previous). Obligations come last and only when there are any (db/V15): entries logged before
   * they were stored had none on the record, and keep their hashes. The deployment the question
   * named and the one the call was routed to, and the alias asked for, follow the same way
   * (db/V24), each marked so none reads as another.
   */
  public static String content(Content c) {
    return String.join(
            "\n",
            c.id(),
            c.team(),
            c.model(),
            c.purpose(),
            c.dataClassification(),
            c.region(),
            Boolean.toString(c.allow()),
            c.reasonsJson(),
            c.policyRevision(),
            ChainHash.micros(c.evaluatedAt()),
            ChainHash.orEmpty(c.clientId()),
            ChainHash.orEmpty(c.taskTier()),
            c.source())
        + (c.obligationsJson() == null || c.obligationsJson().equals("[]")
            ? ""
            : "\n" + c.obligationsJson())
        + (c.askedDeployment() == null ? "" : "\nasked-deployment:" + c.askedDeployment())
        + (c.deployment() == null ? "" : "\ndeployment:" + c.deployment())
        + (c.alias() == null ? "" : "\nalias:" + c.alias());
  }

  static String hash(long seq, String content, String previousHash) {
    return ChainHash.of(seq, content, previousHash);
  }
}
