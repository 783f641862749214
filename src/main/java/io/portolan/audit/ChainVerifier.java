package io.portolan.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Walks a hash chain in order and remembers the first broken link: a gap in the numbering, a link
 * that does not match the previous hash, or content that does not match its own hash.
 */
final class ChainVerifier {
  static final String GENESIS = "genesis";

  private long checked;
  private Map<String, Object> broken;
  private Long previousSeq;
  private String previousHash;

  /**
   * @param recomputed the hash recomputed from the entry's content and its stored previous hash
   */
  void check(long seq, String id, Instant at, String prevHash, String hash, String recomputed) {
    if (broken != null) {
      return;
    }
    checked++;
    String problem = null;
    if (previousSeq != null && seq != previousSeq + 1) {
      problem = "an entry before this one is missing";
    } else if ((previousSeq != null && !previousHash.equals(prevHash))
        || (previousSeq == null && seq == 1 && !GENESIS.equals(prevHash))) {
      problem = "its link to the previous entry does not match";
    } else if (!recomputed.equals(hash)) {
      problem = "its content does not match its hash";
    }
    if (problem != null) {
      broken = new LinkedHashMap<>();
      broken.put("seq", seq);
      broken.put("id", id);
      broken.put("at", at);
      broken.put("problem", problem);
    }
    previousSeq = seq;
    previousHash = hash;
  }

  Map<String, Object> result(Instant from, Instant to) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("verified", broken == null);
    result.put("checked", checked);
    result.put("from", from);
    result.put("to", to);
    result.put("firstBroken", broken);
    return result;
  }
}
