package io.portolan.bundlesigning;

import java.time.Instant;

/**
 * A new signing key. {@code activeFrom} (default: now) leaves time to add its public key to every
 * sidecar before bundles are signed with it; until then the current key goes on signing.
 */
public record RotationInput(Instant activeFrom) {}
