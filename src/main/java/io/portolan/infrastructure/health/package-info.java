/** Readiness and liveness for /health: ready only when PostgreSQL and OPA answer. */
package io.portolan.infrastructure.health;
