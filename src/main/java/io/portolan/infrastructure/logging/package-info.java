/**
 * Logs: the request id, tenant and decision id of the request a thread serves, and one JSON object
 * per line when {@code PORTOLAN_LOG_FORMAT=json}.
 */
package io.portolan.infrastructure.logging;
