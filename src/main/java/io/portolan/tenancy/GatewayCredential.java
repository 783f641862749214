package io.portolan.tenancy;

/**
 * A gateway credential as issued or rotated: the only answer that carries the secret, once. The
 * gateway exchanges it at {@code tokenUrl} (client-credentials grant) for tokens.
 */
public record GatewayCredential(GatewayView gateway, String clientSecret, String tokenUrl) {}
