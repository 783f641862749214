package io.portolan.bundlesigning;

import com.nimbusds.jose.jwk.ECKey;

/**
 * The key a tenant's bundles are signed with now: its id (the JWS {@code kid}) and private part.
 */
public record SigningKey(String keyId, ECKey privateKey) {}
