import { Alert, Button, Flex, FlexItem, FormSelect, FormSelectOption, Progress, Title } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useRef, useState } from "react";
import { ErrorAlert } from "../../shared/components/common";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";
import {
  impactSummary,
  jobPercent,
  jobProgress,
  jobUnfinished,
  type ImpactJob,
  type ImpactReport,
  type ImpactSample,
} from "./policy";

const HOUR = 60 * 60 * 1000;
const JOBS = "/api/v1/policy/impact/analyses";
/** How often a running analysis is asked for its progress. */
const POLL_MS = 400;
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

/**
 * Starts an impact analysis of the saved draft on the server and follows it: progress while it
 * replays, Cancel asks the server to stop, and earlier analyses can be reopened. Leaving the screen
 * only stops watching; the analysis goes on and stays in the list.
 */
export function ImpactPanel({ report, blockedBecause, onReport }: Props) {
  const { api } = useApp();
  const [hours, setHours] = useState(7 * 24);
  const [job, setJob] = useState<ImpactJob>();
  const [reopened, setReopened] = useState<ImpactJob>();
  const [history, setHistory] = useState<ImpactJob[]>([]);
  const [error, setError] = useState<unknown>();
  const watching = useRef<string | null>(null);

  const loadHistory = useCallback(() => {
    api.get<{ items: ImpactJob[] }>(`${JOBS}?size=10`).then((page) => setHistory(page.items), setError);
  }, [api]);
  useEffect(() => {
    loadHistory();
    return () => {
      watching.current = null; // leaving the screen stops the polling, not the analysis
    };
  }, [loadHistory]);

  /** Polls a job until it ends; `ours` jobs (started here, of the saved draft) feed the publish dialog. */
  const watch = async (started: ImpactJob, ours: boolean) => {
    watching.current = started.id;
    let current = started;
    setJob(current);
    try {
      while (jobUnfinished(current) && watching.current === started.id) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (watching.current !== started.id) return;
        current = await api.get<ImpactJob>(`${JOBS}/${started.id}`);
        setJob(current);
      }
      if (current.status === "done" && current.result) {
        if (ours) onReport(current.result);
        else setReopened(current);
      }
    } catch (e) {
      setError(e);
    } finally {
      if (watching.current === started.id) watching.current = null;
      loadHistory();
    }
  };

  const analyse = async () => {
    setError(undefined);
    setReopened(undefined);
    const to = new Date();
    try {
      const body = { from: new Date(to.getTime() - hours * HOUR).toISOString(), to: to.toISOString() };
      await watch(await api.post<ImpactJob>(JOBS, body), true);
    } catch (e) {
      setError(e);
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      setJob(await api.post<ImpactJob>(`${JOBS}/${job.id}/cancel`));
    } catch (e) {
      setError(e);
    }
  };

  const reopen = async (id: string) => {
    setError(undefined);
    try {
      const past = await api.get<ImpactJob>(`${JOBS}/${id}`);
      setReopened(past.status === "done" ? past : undefined);
      if (jobUnfinished(past)) await watch(past, false);
      else setJob(past);
    } catch (e) {
      setError(e);
    }
  };

  const running = !!job && jobUnfinished(job);
  const shown = reopened?.result ?? (job?.status === "done" ? report : undefined) ?? (job ? undefined : report);

  return (
    <section aria-labelledby="impact-title" data-testid="impact">
      <Title headingLevel="h2" size="lg" id="impact-title">
        Impact of the draft
      </Title>
      <p>Replays the decisions logged in a window against the saved draft and counts those that would flip.</p>
      <Flex alignItems={{ default: "alignItemsCenter" }} style={{ margin: "0.75rem 0" }}>
        <FlexItem>
          <FormSelect
            aria-label="Decisions to replay"
            id="impact-window"
            value={String(hours)}
            onChange={(_e, v) => setHours(Number(v))}
            isDisabled={running}
          >
            {WINDOWS.map((w) => (
              <FormSelectOption key={w.hours} value={String(w.hours)} label={`Decisions from ${w.label}`} />
            ))}
          </FormSelect>
        </FlexItem>
        <FlexItem>
          <Button
            variant="secondary"
            onClick={analyse}
            isDisabled={running || !!blockedBecause}
            data-testid="analyse-impact"
          >
            Analyse impact
          </Button>
        </FlexItem>
        {running && (
          <FlexItem>
            <Button variant="link" onClick={cancel} isDisabled={job.cancelRequested} data-testid="cancel-impact">
              Cancel
            </Button>
          </FlexItem>
        )}
        {blockedBecause && !running && <FlexItem>{blockedBecause}</FlexItem>}
      </Flex>
      {running && (
        <Progress
          value={jobPercent(job)}
          title={jobProgress(job)}
          aria-label="Impact analysis progress"
          data-testid="impact-progress"
          style={{ maxWidth: "40rem" }}
        />
      )}
      {job?.status === "cancelled" && (
        <Alert variant="info" isInline title="Analysis cancelled" data-testid="impact-cancelled">
          {jobProgress(job)}. Nothing was changed. Run it again when you are ready, or over a shorter window.
        </Alert>
      )}
      {job?.status === "failed" && (
        <Alert variant="danger" isInline title="The analysis failed" data-testid="impact-failed">
          {job.error}
        </Alert>
      )}
      <ErrorAlert error={error} title="The impact could not be analysed" />
      {reopened && (
        <p data-testid="impact-reopened">
          Analysis started {formatInstant(reopened.createdAt)} by {reopened.requestedBy}, of the draft as it was then.
        </p>
      )}
      {shown && !running && <ImpactResult report={shown} />}
      <History jobs={history} onOpen={reopen} />
    </section>
  );
}

/** The tenant's recent analyses, each reopened with a click. */
function History({ jobs, onOpen }: { jobs: ImpactJob[]; onOpen: (id: string) => void }) {
  if (jobs.length === 0) return null;
  return (
    <>
      <Title headingLevel="h3" size="md" style={{ marginTop: "1rem" }}>
        Recent analyses
      </Title>
      <Table aria-label="Recent analyses" variant="compact" data-testid="impact-history">
        <Thead>
          <Tr>
            <Th>Started</Th>
            <Th>By</Th>
            <Th>Decisions from</Th>
            <Th>Status</Th>
            <Th screenReaderText="Open" />
          </Tr>
        </Thead>
        <Tbody>
          {jobs.map((j) => (
            <Tr key={j.id} data-testid={`impact-job-${j.id}`}>
              <Td dataLabel="Started">{formatInstant(j.createdAt)}</Td>
              <Td dataLabel="By">{j.requestedBy}</Td>
              <Td dataLabel="Decisions from">
                {formatInstant(j.from)} to {formatInstant(j.to)}
              </Td>
              <Td dataLabel="Status">{jobProgress(j)}</Td>
              <Td>
                <Button variant="link" isInline onClick={() => onOpen(j.id)} data-testid={`open-impact-${j.id}`}>
                  Open
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
}

function ImpactResult({ report }: { report: ImpactReport }) {
  const flips = report.allowToDeny + report.denyToAllow;
  return (
    <div data-testid="impact-result">
      <Alert
        variant={flips === 0 ? "success" : "warning"}
        isInline
        title={impactSummary(report)}
        data-testid="impact-summary"
      >
        Decisions logged from {formatInstant(report.from)} to {formatInstant(report.to)}, replayed in{" "}
        {report.tookMillis.toLocaleString("en")} ms.
      </Alert>
      <Samples
        title={`Allowed, would be denied (${report.allowToDeny.toLocaleString("en")})`}
        samples={report.allowToDenySamples}
        total={report.allowToDeny}
        testId="samples-allow-to-deny"
      />
      <Samples
        title={`Denied, would be allowed (${report.denyToAllow.toLocaleString("en")})`}
        samples={report.denyToAllowSamples}
        total={report.denyToAllow}
        testId="samples-deny-to-allow"
      />
    </div>
  );
}

function Samples({
  title,
  samples,
  total,
  testId,
}: {
  title: string;
  samples: ImpactSample[];
  total: number;
  testId: string;
}) {
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
