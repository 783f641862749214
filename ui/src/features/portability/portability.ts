/** The portability matrix and the what-if answer, shaped for the screen; pure, so Vitest covers it. */
import type { Vendor } from "../../shared/types";

export interface PortableModel {
  model: string;
  vendor: string;
  jurisdiction: string;
}

/** The models that cover a capability, and from how many vendors and jurisdictions. */
export interface Cover {
  models: PortableModel[];
  vendors: number;
  jurisdictions: number;
}

/** Data classifications, least sensitive first (the API's order). */
export const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;

/**
 * GET /api/v1/portability: per team, per capability it holds approvals for, the models it may use
 * under the published settings: for any classification, and per classification.
 */
export interface PortabilityTeam {
  team: string;
  capabilities: (Cover & { capability: string; byClassification?: (Cover & { classification: string })[] })[];
}

export interface CapabilityLoss {
  team: string;
  capability: string;
  /** The data classification left without a usable model. */
  classification?: string;
  lost: string[];
}

/** GET /api/v1/portability/what-if?vendor=… or ?jurisdiction=… */
export interface WhatIf {
  vendor?: string;
  jurisdiction?: string;
  teamsLosingCapabilities: CapabilityLoss[];
}

/** How exposed a cell is: several vendors, one vendor, or nothing approved. */
export type Exposure = "spread" | "single-vendor" | "none";

export interface MatrixCell {
  models: PortableModel[];
  vendors: number;
  jurisdictions: number;
  exposure: Exposure;
}

export interface Matrix {
  capabilities: string[];
  rows: { team: string; cells: Record<string, MatrixCell> }[];
  /** Team × capability pairs that rest on one vendor alone. */
  singleVendor: number;
}

const NONE: MatrixCell = { models: [], vendors: 0, jurisdictions: 0, exposure: "none" };

/**
 * Teams as rows, every capability any team holds as a column (sorted), each cell the team's
 * approved models for it, most portable first by vendor. A team without the capability gets an
 * empty cell rather than a missing one, so the table stays rectangular.
 */
export function matrixOf(teams: PortabilityTeam[], filter = "", classification = ""): Matrix {
  const needle = filter.trim().toLowerCase();
  const shown = needle ? teams.filter((t) => t.team.toLowerCase().includes(needle)) : teams;
  const capabilities = [...new Set(shown.flatMap((t) => t.capabilities.map((c) => c.capability)))].sort();
  let singleVendor = 0;
  const rows = [...shown]
    .sort((a, b) => a.team.localeCompare(b.team))
    .map((t) => {
      const cells: Record<string, MatrixCell> = {};
      for (const capability of capabilities) {
        const capable = t.capabilities.find((c) => c.capability === capability);
        const held = classification
          ? capable?.byClassification?.find((c) => c.classification === classification)
          : capable;
        if (!held || held.models.length === 0) {
          cells[capability] = NONE;
          continue;
        }
        const exposure: Exposure = held.vendors > 1 ? "spread" : "single-vendor";
        if (exposure === "single-vendor") singleVendor++;
        const models = [...held.models].sort(
          (a, b) => a.vendor.localeCompare(b.vendor) || a.model.localeCompare(b.model),
        );
        cells[capability] = { models, vendors: held.vendors, jurisdictions: held.jurisdictions, exposure };
      }
      return { team: t.team, cells };
    });
  return { capabilities, rows, singleVendor };
}

export interface TeamLosses {
  team: string;
  /** Each capability once, with the classifications it is lost for (least sensitive first) and the models lost. */
  capabilities: { capability: string; classifications: string[]; lost: string[] }[];
}

/** The losses grouped by team, then capability; teams and capabilities sorted. */
export function lossesByTeam(losses: CapabilityLoss[]): TeamLosses[] {
  const byTeam = new Map<string, TeamLosses["capabilities"]>();
  for (const loss of losses) {
    const list = byTeam.get(loss.team) ?? [];
    let entry = list.find((c) => c.capability === loss.capability);
    if (!entry) {
      entry = { capability: loss.capability, classifications: [], lost: [] };
      list.push(entry);
    }
    if (loss.classification) entry.classifications.push(loss.classification);
    entry.lost = [...new Set([...entry.lost, ...loss.lost])].sort();
    byTeam.set(loss.team, list);
  }
  for (const list of byTeam.values()) {
    for (const c of list) c.classifications.sort((a, b) => rank(a) - rank(b));
  }
  return [...byTeam.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([team, capabilities]) => ({
      team,
      capabilities: capabilities.sort((a, b) => a.capability.localeCompare(b.capability)),
    }));
}

const rank = (classification: string) => CLASSIFICATIONS.indexOf(classification as (typeof CLASSIFICATIONS)[number]);

/** Whether a what-if loss touches a team capability: for this classification, or for any when none is chosen. */
export function isLost(losses: CapabilityLoss[], team: string, capability: string, classification = ""): boolean {
  return losses.some(
    (l) => l.team === team && l.capability === capability && (!classification || l.classification === classification),
  );
}

/** What can be cut off: "vendor:<id>" or "jurisdiction:<CC>", vendors by name then jurisdictions. */
export interface CutOffOption {
  value: string;
  label: string;
}

export function cutOffOptions(vendors: Vendor[]): { vendors: CutOffOption[]; jurisdictions: CutOffOption[] } {
  const byName = [...vendors].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return {
    vendors: byName.map((v) => ({
      value: `vendor:${v.id}`,
      label: `${v.name} (${v.jurisdiction})${v.suspended ? ", suspended" : ""}`,
    })),
    jurisdictions: [...new Set(vendors.map((v) => v.jurisdiction))]
      .sort()
      .map((j) => ({ value: `jurisdiction:${j}`, label: j })),
  };
}

/** "vendor:mistral" → the what-if query parameters, or null for anything else. */
export function parseCutOff(value: string | null): { vendor: string } | { jurisdiction: string } | null {
  const match = /^(vendor|jurisdiction):(.+)$/.exec(value ?? "");
  if (!match) return null;
  return match[1] === "vendor" ? { vendor: match[2] } : { jurisdiction: match[2] };
}

/** An announced cut-off still ahead, as GET /api/v1/portability/cut-offs lists it. */
export interface UpcomingCutOff {
  kind: "vendor" | "model";
  id: string;
  cutOffAt: string;
  reason: string | null;
  models: string[];
  teamsLosingCapabilities: CapabilityLoss[];
}

/** "research: code (public, internal)" per team capability the cut-off leaves with no usable model. */
export function lossLines(cutOff: UpcomingCutOff): string[] {
  return lossesByTeam(cutOff.teamsLosingCapabilities).flatMap((t) =>
    t.capabilities.map((c) => `${t.team}: ${c.capability} (${c.classifications.join(", ") || "any data"})`),
  );
}
