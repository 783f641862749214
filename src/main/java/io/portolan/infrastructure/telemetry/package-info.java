/**
 * OpenTelemetry traces: spans for the decision path, the calls to OPA, Keycloak and PostgreSQL,
 * continuing a gateway's {@code traceparent}. Payara's MicroProfile Telemetry provides the SDK and
 * the OTLP exporter, configured by the standard {@code OTEL_*} variables, and traces the JAX-RS API
 * itself; off unless {@code OTEL_SDK_DISABLED=false} (docs/operations.md).
 */
package io.portolan.infrastructure.telemetry;
