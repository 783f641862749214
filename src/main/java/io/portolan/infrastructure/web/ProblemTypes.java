package io.portolan.infrastructure.web;

/**
 * Every kind of problem Portolan answers, the last segment of a problem document's {@code type} URI
 * ({@link Problem#type(String)}). Clients branch on these: a slug, once released, is never renamed.
 */
public final class ProblemTypes {
  /** An alias name is already used by another alias or a model. */
  public static final String ALIAS_NAME_TAKEN = "alias-name-taken";

  /** The approval request was already decided. */
  public static final String ALREADY_APPROVED = "already-approved";

  /** The approval was already revoked. */
  public static final String ALREADY_REVOKED = "already-revoked";

  /** The token names more than one tenant. */
  public static final String AMBIGUOUS_TENANT = "ambiguous-tenant";

  /** PostgreSQL cannot be reached or refused the statement; retry later. */
  public static final String DATABASE_UNAVAILABLE = "database-unavailable";

  /** The decision for this request is deny (the nginx auth_request answer). */
  public static final String DECISION_DENIED = "decision-denied";

  /** The decision could not be logged, so it is not given (fail closed). */
  public static final String DECISION_LOG_UNAVAILABLE = "decision-log-unavailable";

  /** Something with this id already exists. */
  public static final String DUPLICATE = "duplicate";

  /** The caller may not do this. */
  public static final String FORBIDDEN = "forbidden";

  /** An unexpected error; the log has the details. */
  public static final String INTERNAL = "internal";

  /** The body names something that does not exist. */
  public static final String INVALID_REFERENCE = "invalid-reference";

  /** The body is not valid gzip. */
  public static final String MALFORMED_GZIP = "malformed-gzip";

  /** The body is not valid JSON (or not valid UTF-8). */
  public static final String MALFORMED_JSON = "malformed-json";

  /** The method is not served at this path. */
  public static final String METHOD_NOT_ALLOWED = "method-not-allowed";

  /** There is no draft to publish or discard. */
  public static final String NO_DRAFT = "no-draft";

  /** The token names no tenant. */
  public static final String NO_TENANT = "no-tenant";

  /** No representation matches the Accept header. */
  public static final String NOT_ACCEPTABLE = "not-acceptable";

  /** The path or the item does not exist. */
  public static final String NOT_FOUND = "not-found";

  /** The approval request is no longer pending. */
  public static final String NOT_PENDING = "not-pending";

  /** The approval request belongs to someone else. */
  public static final String NOT_YOUR_REQUEST = "not-your-request";

  /** The caller is not a member of the team named. */
  public static final String NOT_YOUR_TEAM = "not-your-team";

  /** An officer may not decide their own request. */
  public static final String OWN_REQUEST = "own-request";

  /** The body is larger than the limit. */
  public static final String PAYLOAD_TOO_LARGE = "payload-too-large";

  /** The tenant data changed while deciding; retry. */
  public static final String POLICY_DATA_CHANGING = "policy-data-changing";

  /** OPA cannot be reached; no decision is given (fail closed). */
  public static final String POLICY_ENGINE_UNAVAILABLE = "policy-engine-unavailable";

  /** The tenant policy is not loaded in OPA yet; retry. */
  public static final String POLICY_NOT_LOADED = "policy-not-loaded";

  /** A price overlaps another price of the same model in time. */
  public static final String PRICE_OVERLAP = "price-overlap";

  /** Too many requests for this principal or tenant; see Retry-After. */
  public static final String RATE_LIMITED = "rate-limited";

  /** The item is still referenced by another and cannot be deleted. */
  public static final String STILL_REFERENCED = "still-referenced";

  /** Too many impact analyses run for this tenant at once. */
  public static final String TOO_MANY_ANALYSES = "too-many-analyses";

  /** No valid bearer token. */
  public static final String UNAUTHORIZED = "unauthorized";

  /** The usage names a decision this tenant never got. */
  public static final String UNKNOWN_DECISION = "unknown-decision";

  /** The Content-Type is not served at this path. */
  public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

  /** A field is missing or invalid; errors names each one. */
  public static final String VALIDATION = "validation";

  private ProblemTypes() {}
}
