/**
 * What auditors read: the decision log exported as CSV or NDJSON, its manifest, chain verification,
 * a paged search with single decisions, and decisions people ask to try.
 */
package io.portolan.audit;
