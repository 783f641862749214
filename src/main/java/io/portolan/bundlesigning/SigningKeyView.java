package io.portolan.bundlesigning;

import java.time.Instant;

/**
 * A tenant's bundle signing key as an admin sees it: what a sidecar's {@code keys} entry needs (id,
 * algorithm, the public key in PEM), and whether it signs now. Never the private key.
 *
 * @param signing true for the one key bundles are signed with now
 */
public record SigningKeyView(
    String keyId,
    String algorithm,
    String publicKeyPem,
    Instant createdAt,
    Instant activeFrom,
    boolean signing) {}
