import type { Deployment } from "../../shared/types";

/** What a deployment's data terms say, in words; "not stated" is shown as such, never as safe. */
export function dataTerms(d: Deployment): string {
  if (d.zeroDataRetention) return "zero data retention";
  const kept = d.retentionDays === null ? "retention not stated" : `kept ${d.retentionDays} days`;
  const training =
    d.trainsOnPrompts === null
      ? "training not stated"
      : d.trainsOnPrompts
        ? "prompts train the model"
        : "no training on prompts";
  return `${kept}; ${training}`;
}

/** The writable fields of a deployment, as the API takes them (it refuses unknown ones). */
export function deploymentBody(d: Deployment) {
  const {
    id,
    model,
    operator,
    operatorJurisdiction,
    regions,
    endpoint,
    retentionDays,
    trainsOnPrompts,
    zeroDataRetention,
    status,
    availableFrom,
    cutOffAt,
  } = d;
  return {
    id,
    model,
    operator,
    operatorJurisdiction,
    regions,
    endpoint,
    retentionDays,
    trainsOnPrompts,
    zeroDataRetention,
    status,
    availableFrom,
    cutOffAt,
  };
}
