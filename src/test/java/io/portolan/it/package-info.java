/**
 * Integration tests against the real stack that {@code make test} starts on the test ports:
 * PostgreSQL, OPA, Keycloak and Portolan on Payara Micro. Nothing here is mocked.
 */
package io.portolan.it;
