/** Usage that gateways report after a call: tokens, latency and cost, linked to the decision. */
package io.portolan.usage;
