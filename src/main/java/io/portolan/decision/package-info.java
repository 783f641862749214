/** The decision API: may team T use model M for this? Asked of OPA, logged before answered. */
package io.portolan.decision;
