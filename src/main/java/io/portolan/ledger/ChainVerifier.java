package io.portolan.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Walks a hash chain in order and remembers the first broken link: a gap in the numbering, a link
 * that does not match the previous hash, or content that does not match its own hash.
 */
public final class ChainVerifier {
  /** The hash the first entry of a window should link to; null when that entry is gone. */
  @FunctionalInterface
  public interface LinkBefore {
    String hashBefore(long seq) throws Exception;
  }

  private final String timeKey;
  private final LinkBefore linkBefore;
  private long checked;
  private Map<String, Object> broken;
  private Long previousSeq;
  private String previousHash;

  /**
   * @param timeKey what a broken entry's time is called in the answer ({@code at}, {@code
   *     evaluatedAt})
   * @param linkBefore looks up what the window's first entry links to: its predecessor, the
   *     retention checkpoint, or genesis
   */
  public ChainVerifier(String timeKey, LinkBefore linkBefore) {
    this.timeKey = timeKey;
    this.linkBefore = linkBefore;
  }

  /** A walk that checks the window's first link only against genesis when it is entry 1. */
  public ChainVerifier(String timeKey) {
    this(timeKey, null);
  }

  /**
   * @param recomputed the hash recomputed from the entry's content and its stored previous hash
   */
  public void check(
      long seq, String id, Instant at, String prevHash, String hash, String recomputed)
      throws Exception {
    if (broken != null) {
      return;
    }
    checked++;
    String expectedPrevious = previousSeq != null ? previousHash : firstLink(seq, prevHash);
    String problem = null;
    if (previousSeq != null && seq != previousSeq + 1 || expectedPrevious == null) {
      problem = "an entry before this one is missing";
    } else if (!expectedPrevious.equals(prevHash)) {
      problem = "its link to the previous entry does not match";
    } else if (!recomputed.equals(hash)) {
      problem = "its content does not match its hash";
    }
    if (problem != null) {
      fail(seq, id, at, problem);
    }
    previousSeq = seq;
    previousHash = hash;
  }

  /** Records a break found outside the walk (an entry with no place in the chain). */
  public void fail(Long seq, String id, Instant at, String problem) {
    if (broken != null) {
      return;
    }
    broken = new LinkedHashMap<>();
    broken.put("id", id);
    broken.put("seq", seq);
    broken.put(timeKey, at);
    broken.put("problem", problem);
  }

  public boolean isBroken() {
    return broken != null;
  }

  public Map<String, Object> result(Instant from, Instant to) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("verified", broken == null);
    result.put("checked", checked);
    result.put("from", from);
    result.put("to", to);
    result.put("firstBroken", broken);
    return result;
  }

  private String firstLink(long seq, String storedPrevious) throws Exception {
    if (linkBefore != null) {
      return linkBefore.hashBefore(seq);
    }
    return seq == 1 ? ChainHash.GENESIS : storedPrevious;
  }
}
