/**
 * The approval workflow: requesters ask for a model, compliance officers decide (never their own
 * request; two officers for high-risk ones), approvals expire or are revoked, and decisions need an
 * active approval.
 */
package io.portolan.approval;
