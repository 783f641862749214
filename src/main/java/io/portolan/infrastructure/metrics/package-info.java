/**
 * Prometheus metrics: one registry, served on a listener of its own (not the public port), with
 * tenant and caller labels bounded so that many tenants cannot multiply the series.
 */
package io.portolan.infrastructure.metrics;
