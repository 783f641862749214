/** What a replica needs to know of the others: which are up (a heartbeat row in PostgreSQL). */
package io.portolan.infrastructure.fleet;
