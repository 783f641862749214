package io.portolan.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
  private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

  /** An honest chain of n entries from seq 1: each hash over "entry seq" and its predecessor. */
  private static String[] chain(int n) {
    String[] hashes = new String[n + 1];
    hashes[0] = ChainHash.GENESIS;
    for (int seq = 1; seq <= n; seq++) {
      hashes[seq] = ChainHash.of(seq, "entry " + seq, hashes[seq - 1]);
    }
    return hashes;
  }

  private static void walk(ChainVerifier verifier, String[] hashes, int from, int to)
      throws Exception {
    for (int seq = from; seq <= to; seq++) {
      String recomputed = ChainHash.of(seq, "entry " + seq, hashes[seq - 1]);
      verifier.check(seq, "e" + seq, AT, hashes[seq - 1], hashes[seq], recomputed);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstBroken(ChainVerifier verifier) {
    return (Map<String, Object>) verifier.result(AT, AT).get("firstBroken");
  }

  @Test
  void anHonestChainVerifiesAndCountsEveryEntry() throws Exception {
    ChainVerifier verifier = new ChainVerifier("at");
    walk(verifier, chain(5), 1, 5);
    assertEquals(true, verifier.result(AT, AT).get("verified"));
    assertEquals(5L, verifier.result(AT, AT).get("checked"));
    assertNull(firstBroken(verifier));
  }

  @Test
  void aMissingEntryIsNamedAtTheEntryAfterTheGap() throws Exception {
    String[] hashes = chain(5);
    ChainVerifier verifier = new ChainVerifier("evaluatedAt");
    walk(verifier, hashes, 1, 2);
    walk(verifier, hashes, 4, 5);
    assertEquals(4L, firstBroken(verifier).get("seq"));
    assertEquals("an entry before this one is missing", firstBroken(verifier).get("problem"));
    assertEquals(AT, firstBroken(verifier).get("evaluatedAt"));
  }

  @Test
  void changedContentIsNamedAtTheChangedEntry() throws Exception {
    String[] hashes = chain(3);
    ChainVerifier verifier = new ChainVerifier("at");
    walk(verifier, hashes, 1, 1);
    verifier.check(2, "e2", AT, hashes[1], hashes[2], ChainHash.of(2, "changed", hashes[1]));
    walk(verifier, hashes, 3, 3);
    assertEquals(2L, firstBroken(verifier).get("seq"));
    assertEquals("its content does not match its hash", firstBroken(verifier).get("problem"));
  }

  @Test
  void theFirstEntryOfAWindowIsCheckedAgainstWhatItShouldLinkTo() throws Exception {
    String[] hashes = chain(4);
    ChainVerifier honest = new ChainVerifier("at", seq -> hashes[(int) seq - 1]);
    walk(honest, hashes, 3, 4);
    assertEquals(true, honest.result(AT, AT).get("verified"));

    ChainVerifier relinked = new ChainVerifier("at", seq -> "the checkpoint's hash");
    walk(relinked, hashes, 3, 4);
    assertEquals(
        "its link to the previous entry does not match", firstBroken(relinked).get("problem"));

    ChainVerifier gone = new ChainVerifier("at", seq -> null);
    walk(gone, hashes, 3, 4);
    assertEquals("an entry before this one is missing", firstBroken(gone).get("problem"));
  }

  @Test
  void theFirstEntryOfATenantMustLinkToGenesis() throws Exception {
    ChainVerifier verifier = new ChainVerifier("at");
    String forged = ChainHash.of(1, "entry 1", "not genesis");
    verifier.check(1, "e1", AT, "not genesis", forged, forged);
    assertEquals(
        "its link to the previous entry does not match", firstBroken(verifier).get("problem"));
  }

  @Test
  void theCanonicalHashIsSha256OverSeqContentAndPrevious() {
    // sha256sum of the bytes "1\nentry 1\ngenesis": what append_decisions (db/V13) computes too.
    assertEquals(
        "9a6566b1911f93a534877122c685353713063d92d09e04a61cf4ee58d37cf290",
        ChainHash.of(1, "entry 1", ChainHash.GENESIS));
  }
}
