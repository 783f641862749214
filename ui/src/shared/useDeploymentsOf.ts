import { useEffect, useRef, useState } from "react";
import type { Page } from "./api";
import { useApp } from "./context";
import type { Deployment } from "./types";

/** The deployments of each model named, fetched once per model (GET /api/v1/deployments?model=). */
export function useDeploymentsOf(models: string[]): Record<string, Deployment[] | undefined> {
  const { api } = useApp();
  const [byModel, setByModel] = useState<Record<string, Deployment[] | undefined>>({});
  const asked = useRef(new Set<string>());
  const wanted = [...new Set(models.filter(Boolean))].sort().join(",");
  useEffect(() => {
    for (const model of wanted ? wanted.split(",") : []) {
      if (asked.current.has(model)) continue;
      asked.current.add(model);
      api
        .get<Page<Deployment>>(`/api/v1/deployments?model=${encodeURIComponent(model)}&size=100`)
        .then((page) => setByModel((known) => ({ ...known, [model]: page.items })))
        .catch(() => setByModel((known) => ({ ...known, [model]: [] }))); // the server still checks what is sent
    }
  }, [wanted, api]);
  return byModel;
}
