import {
  Alert,
  Button,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  Spinner,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert } from "./common";
import { useApp } from "../context";
import { formatInstant } from "../format";
import { impactSummary, type ImpactReport, type ImpactSample } from "../policy";

const HOUR = 60 * 60 * 1000;
/** The server replays at most 92 days. */
const WINDOWS = [
  { hours: 24, label: "the last 24 hours" },
  { hours: 7 * 24, label: "the last 7 days" },
  { hours: 30 * 24, label: "the last 30 days" },
  { hours: 92 * 24, label: "the last 92 days" },
];

interface Props {
  report: ImpactReport | undefined;
  /** Why the analysis cannot run now (unsaved edits), if it cannot. */
  blockedBecause?: string;
  onReport: (report: ImpactReport) => void;
}

/** Replays the logged decisions against the saved draft; the replay can take a while, so it can be cancelled. */
export function ImpactPanel({ report, blockedBecause, onReport }: Props) {
  const { api } = useApp();
  const [hours, setHours] = useState(7 * 24);
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<unknown>();
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []); // leaving the screen cancels the call
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [running]);

  const analyse = async () => {
    setError(undefined);
    setCancelled(false);
    setElapsed(0);
    setRunning(true);
    abort.current = new AbortController();
    const to = new Date();
    try {
      const body = { from: new Date(to.getTime() - hours * HOUR).toISOString(), to: to.toISOString() };
      onReport(await api.post<ImpactReport>("/api/v1/policy/impact", body, abort.current.signal));
    } catch (e) {
      if (abort.current?.signal.aborted) setCancelled(true);
      else setError(e);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section aria-labelledby="impact-title" data-testid="impact">
      <Title headingLevel="h2" size="lg" id="impact-title">
        Impact of the draft
      </Title>
      <p>Replays the decisions logged in a window against the saved draft and counts those that would flip.</p>
      <Flex alignItems={{ default: "alignItemsCenter" }} style={{ margin: "0.75rem 0" }}>
        <FlexItem>
          <FormSelect aria-label="Decisions to replay" id="impact-window" value={String(hours)} onChange={(_e, v) => setHours(Number(v))} isDisabled={running}>
            {WINDOWS.map((w) => (
              <FormSelectOption key={w.hours} value={String(w.hours)} label={`Decisions from ${w.label}`} />
            ))}
          </FormSelect>
        </FlexItem>
        <FlexItem>
          <Button variant="secondary" onClick={analyse} isDisabled={running || !!blockedBecause} data-testid="analyse-impact">
            Analyse impact
          </Button>
        </FlexItem>
        {running && (
          <>
            <FlexItem>
              <Spinner size="md" aria-label="Analysing" />
            </FlexItem>
            <FlexItem data-testid="impact-progress" role="status">
              Replaying logged decisions… {elapsed} s
            </FlexItem>
            <FlexItem>
              <Button variant="link" onClick={() => abort.current?.abort()} data-testid="cancel-impact">
                Cancel
              </Button>
            </FlexItem>
          </>
        )}
        {blockedBecause && !running && <FlexItem>{blockedBecause}</FlexItem>}
      </Flex>
      {cancelled && (
        <Alert variant="info" isInline title="Analysis cancelled" data-testid="impact-cancelled">
          Nothing was changed. Run it again when you are ready, or over a shorter window.
        </Alert>
      )}
      <ErrorAlert error={error} title="The impact could not be analysed" />
      {report && !running && <ImpactResult report={report} />}
    </section>
  );
}

function ImpactResult({ report }: { report: ImpactReport }) {
  const flips = report.allowToDeny + report.denyToAllow;
  return (
    <div data-testid="impact-result">
      <Alert variant={flips === 0 ? "success" : "warning"} isInline title={impactSummary(report)} data-testid="impact-summary">
        Decisions logged from {formatInstant(report.from)} to {formatInstant(report.to)}, replayed in {report.tookMillis.toLocaleString("en")} ms.
      </Alert>
      <Samples title={`Allowed, would be denied (${report.allowToDeny.toLocaleString("en")})`} samples={report.allowToDenySamples} total={report.allowToDeny} testId="samples-allow-to-deny" />
      <Samples title={`Denied, would be allowed (${report.denyToAllow.toLocaleString("en")})`} samples={report.denyToAllowSamples} total={report.denyToAllow} testId="samples-deny-to-allow" />
    </div>
  );
}

function Samples({ title, samples, total, testId }: { title: string; samples: ImpactSample[]; total: number; testId: string }) {
  if (total === 0) return null;
  return (
    <>
      <Title headingLevel="h3" size="md" style={{ marginTop: "1rem" }}>
        {title}
      </Title>
      {total > samples.length && <p>The first {samples.length} as examples.</p>}
      <Table aria-label={title} variant="compact" data-testid={testId}>
        <Thead>
          <Tr>
            <Th>Team</Th>
            <Th>Model</Th>
            <Th>Purpose</Th>
            <Th>Data</Th>
            <Th>Region</Th>
            <Th>Why, under the draft</Th>
          </Tr>
        </Thead>
        <Tbody>
          {samples.map((s) => (
            <Tr key={s.id}>
              <Td dataLabel="Team">{s.request.team}</Td>
              <Td dataLabel="Model">{s.request.model}</Td>
              <Td dataLabel="Purpose">{s.request.purpose}</Td>
              <Td dataLabel="Data">{s.request.dataClassification}</Td>
              <Td dataLabel="Region">{s.request.region}</Td>
              <Td dataLabel="Why, under the draft">{s.reasons.length ? s.reasons.join(", ") : "allowed"}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
}
