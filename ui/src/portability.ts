/** The portability matrix and the what-if answer, shaped for the screen; pure, so Vitest covers it. */
import type { Vendor } from "./types";

export interface PortableModel {
  model: string;
  vendor: string;
  jurisdiction: string;
}

/** GET /api/v1/portability: per team, per capability it holds approvals for, the models it may use. */
export interface PortabilityTeam {
  team: string;
  capabilities: { capability: string; models: PortableModel[]; vendors: number; jurisdictions: number }[];
}

export interface CapabilityLoss {
  team: string;
  capability: string;
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
export function matrixOf(teams: PortabilityTeam[], filter = ""): Matrix {
  const needle = filter.trim().toLowerCase();
  const shown = needle ? teams.filter((t) => t.team.toLowerCase().includes(needle)) : teams;
  const capabilities = [...new Set(shown.flatMap((t) => t.capabilities.map((c) => c.capability)))].sort();
  let singleVendor = 0;
  const rows = [...shown]
    .sort((a, b) => a.team.localeCompare(b.team))
    .map((t) => {
      const cells: Record<string, MatrixCell> = {};
      for (const capability of capabilities) {
        const held = t.capabilities.find((c) => c.capability === capability);
        if (!held || held.models.length === 0) {
          cells[capability] = NONE;
          continue;
        }
        const exposure: Exposure = held.vendors > 1 ? "spread" : "single-vendor";
        if (exposure === "single-vendor") singleVendor++;
        const models = [...held.models].sort((a, b) => a.vendor.localeCompare(b.vendor) || a.model.localeCompare(b.model));
        cells[capability] = { models, vendors: held.vendors, jurisdictions: held.jurisdictions, exposure };
      }
      return { team: t.team, cells };
    });
  return { capabilities, rows, singleVendor };
}

/** The losses grouped by team, teams and capabilities sorted. */
export function lossesByTeam(losses: CapabilityLoss[]): { team: string; capabilities: { capability: string; lost: string[] }[] }[] {
  const byTeam = new Map<string, { capability: string; lost: string[] }[]>();
  for (const loss of losses) {
    const list = byTeam.get(loss.team) ?? [];
    list.push({ capability: loss.capability, lost: [...loss.lost].sort() });
    byTeam.set(loss.team, list);
  }
  return [...byTeam.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([team, capabilities]) => ({ team, capabilities: capabilities.sort((a, b) => a.capability.localeCompare(b.capability)) }));
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
    jurisdictions: [...new Set(vendors.map((v) => v.jurisdiction))].sort().map((j) => ({ value: `jurisdiction:${j}`, label: j })),
  };
}

/** "vendor:mistral" → the what-if query parameters, or null for anything else. */
export function parseCutOff(value: string | null): { vendor: string } | { jurisdiction: string } | null {
  const match = /^(vendor|jurisdiction):(.+)$/.exec(value ?? "");
  if (!match) return null;
  return match[1] === "vendor" ? { vendor: match[2] } : { jurisdiction: match[2] };
}
