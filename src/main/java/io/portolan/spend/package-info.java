/**
 * Spend: what each model costs (a price list, importable from LiteLLM's price map), what each team
 * used and spent with whom (running daily totals kept as usage arrives), and the reports over them.
 */
package io.portolan.spend;
