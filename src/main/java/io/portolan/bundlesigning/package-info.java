/**
 * Signing of each tenant's OPA bundle in OPA's own format ({@code .signatures.json}), with a key
 * per tenant kept encrypted in PostgreSQL, and the public keys an admin configures sidecars with.
 */
package io.portolan.bundlesigning;
