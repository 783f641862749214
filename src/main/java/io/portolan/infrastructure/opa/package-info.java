/** The client of the OPA server's REST API: policies, data and evaluation. */
package io.portolan.infrastructure.opa;
