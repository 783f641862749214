/** Portolan: a multi-tenant control plane deciding which AI models an organisation may use. */
package io.portolan;
