/**
 * The append-only, hash-chained logs of a tenant (decisions, usage, changes): one canonical hash
 * ({@link io.portolan.ledger.ChainHash}), one chain walk ({@link
 * io.portolan.ledger.ChainVerifier}), streamed exports ({@link io.portolan.ledger.ExportStream})
 * and the read-only cursor transaction they run in. Each log's writer and the fields it hashes stay
 * with the feature that owns the log; they all hash and verify through this package.
 */
package io.portolan.ledger;
