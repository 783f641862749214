/** What auditors read: the decision log exported as CSV or NDJSON, its manifest, and chain verification. */
package io.portolan.audit;
