/**
 * Outbound webhooks: approval events sent to a tenant's endpoint, signed with HMAC, retried with
 * backoff.
 */
package io.portolan.webhook;
