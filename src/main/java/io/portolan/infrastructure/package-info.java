/** Plumbing shared by the features: persistence, OPA, the web layer and health checks. */
package io.portolan.infrastructure;
