/** Approvals that name deployments of their model; pure, so Vitest covers it. */
import type { Deployment } from "../../shared/types";

/** What a request or an approval may name at most (the API's limit). */
export const MAX_DEPLOYMENTS = 20;

/** The deployments named, or `any` when none is: a request or approval naming none covers them all. */
export function deploymentsLabel(ids: string[] | undefined, any = "Any deployment"): string {
  return ids && ids.length > 0 ? ids.join(", ") : any;
}

/** Who runs a deployment and where: "self-hosted, FR; eu", with its status when not active. */
export function describeDeployment(d: Deployment): string {
  return `${d.selfHosted ? "self-hosted" : d.operator}, ${d.operatorJurisdiction}; ${d.regions.join(", ")}${d.status === "active" ? "" : `; ${d.status}`}`;
}

/** A checkbox's toggle: the selection in the order of the choices, whatever order it was picked in. */
export function toggleDeployment(choices: string[], selected: string[], id: string, checked: boolean): string[] {
  const next = new Set(selected);
  if (checked) next.add(id);
  else next.delete(id);
  // A picked id missing from the choices (the list changed meanwhile) stays, last, for the server to judge.
  return [...choices.filter((c) => next.has(c)), ...[...next].filter((s) => !choices.includes(s))];
}

/** A new request's `deployments`: sent only when some are chosen (absent: any deployment of the model). */
export function requestedDeployments(selected: string[]): string[] | undefined {
  return selected.length > 0 ? selected : undefined;
}

export interface DeploymentChoice {
  id: string;
  /** Undefined when the model's list does not have it (not loaded yet, or deleted since). */
  deployment?: Deployment;
}

/**
 * What an officer may narrow an approval to: the request's deployments when it named some,
 * otherwise every deployment of the model (`undefined` while those are loading).
 */
export function deploymentChoices(
  requested: string[] | undefined,
  ofModel: Deployment[] | undefined,
): DeploymentChoice[] {
  const known = ofModel ?? [];
  if (requested && requested.length > 0)
    return requested.map((id) => ({ id, deployment: known.find((d) => d.id === id) }));
  return known.map((d) => ({ id: d.id, deployment: d }));
}

/**
 * The decision's `conditions.deployments`: only when the officer narrowed the request. Nothing
 * chosen keeps what was asked; choosing every deployment the request named narrows nothing. When the
 * request named none, any choice narrows (deployments added to the model later are then not covered).
 */
export function narrowedDeployments(requested: string[] | undefined, selected: string[]): string[] | undefined {
  if (selected.length === 0) return undefined;
  const asked = requested ?? [];
  if (asked.length > 0 && asked.every((id) => selected.includes(id))) return undefined;
  return selected;
}
