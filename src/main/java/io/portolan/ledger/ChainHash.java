package io.portolan.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The one hash every chained log uses: sha256 over "seq \n content \n previous hash", in hex, where
 * content is the entry's hashed fields joined by newlines. db/V13's append_decisions computes the
 * same in SQL for decisions; changing either breaks every stored chain.
 */
public final class ChainHash {
  /** The previous hash of a tenant's first chained entry. */
  public static final String GENESIS = "genesis";

  private ChainHash() {}

  public static String of(long seq, String content, String previousHash) {
    String canonical = seq + "\n" + content + "\n" + previousHash;
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An instant as hashed: whole microseconds since the epoch, PostgreSQL's precision. */
  public static String micros(Instant instant) {
    return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
  }

  /** An optional field as hashed: empty when absent. */
  public static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }
}
