import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  PageSection,
  Progress as ProgressBar,
  ProgressMeasureLocation,
  Spinner,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { useRef, useState } from "react";
import { query } from "../../shared/api";
import { ErrorAlert, Field } from "../../shared/components/common";
import { RetentionSection } from "./RetentionSection";
import { useApp } from "../../shared/context";
import { endOfDayUtc, formatInstant, startOfDayUtc } from "../../shared/format";
import { exportSummary, formatBytes, rowsReceived, type Progress } from "../../shared/stream";

type Log = "decisions" | "usage" | "changes";

interface Verification {
  verified: boolean;
  checked: number;
  from: string;
  to: string;
  firstBroken: unknown;
}

const LOG_LABELS: Record<Log, string> = {
  decisions: "Decisions",
  usage: "Usage",
  changes: "Changes (admin audit trail)",
};

/** Auditors download the logs with filters and check that their hash chains are intact. */
export function AuditPage() {
  const { api } = useApp();
  const [log, setLog] = useState<Log>("decisions");
  const [format, setFormat] = useState<"csv" | "ndjson">("csv");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [team, setTeam] = useState("");
  const [model, setModel] = useState("");
  const [outcome, setOutcome] = useState("");
  const [actor, setActor] = useState("");
  const [downloading, setDownloading] = useState(false);
  const [downloaded, setDownloaded] = useState<string>();
  const [verification, setVerification] = useState<Verification>();
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<unknown>();
  const abort = useRef<AbortController | null>(null);
  const [received, setReceived] = useState<Progress>({ bytes: 0, lines: 0 });
  const [expectedRows, setExpectedRows] = useState<number>();
  // The latest figures for the closing message, which runs in the download's own closure.
  const latest = useRef<Progress>({ bytes: 0, lines: 0 });
  const setProgress = (progress: Progress) => {
    latest.current = progress;
    setReceived(progress);
  };

  const filters = () => ({
    from: startOfDayUtc(from),
    to: endOfDayUtc(to),
    ...(log !== "changes" ? { team, model } : { actor }),
    ...(log === "decisions" ? { outcome } : {}),
  });

  const download = async () => {
    setError(undefined);
    setDownloaded(undefined);
    setProgress({ bytes: 0, lines: 0 });
    setExpectedRows(undefined);
    setDownloading(true);
    abort.current = new AbortController();
    const signal = abort.current.signal;
    const exportFormat = format;
    try {
      // The manifest counts what the export will hold, so progress can show a share of it.
      api
        .get<{ rows: number }>(`/api/v1/audit/${log}/manifest${query(filters())}`)
        .then((m) => !signal.aborted && setExpectedRows(m.rows))
        .catch(() => undefined); // progress without a total is still progress
      const accept = exportFormat === "csv" ? "text/csv" : "application/x-ndjson";
      const blob = await api.download(
        `/api/v1/audit/${log}${query({ ...filters(), format: exportFormat })}`,
        accept,
        setProgress,
        signal,
      );
      if (rowsReceived(latest.current, exportFormat) === 0) {
        setDownloaded(
          "No entries match these filters, so nothing was saved: widen the dates or clear the team, model, outcome or actor.",
        );
        return;
      }
      const name = `portolan-${log}-${new Date().toISOString().slice(0, 10)}.${exportFormat === "csv" ? "csv" : "ndjson"}`;
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setDownloaded(`${name}: ${exportSummary(blob.size, latest.current, exportFormat)}.`);
    } catch (e) {
      if (signal.aborted)
        setDownloaded(
          `Download cancelled after ${exportSummary(latest.current.bytes, latest.current, exportFormat)}; nothing was saved.`,
        );
      else setError(e);
    } finally {
      setDownloading(false);
    }
  };

  const verify = () => {
    setError(undefined);
    setVerification(undefined);
    setVerifying(true);
    api
      .get<Verification>(`/api/v1/audit/verify${query({ log, from: startOfDayUtc(from), to: endOfDayUtc(to) })}`)
      .then(setVerification)
      .catch(setError)
      .finally(() => setVerifying(false));
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Audit</Title>
      </PageSection>
      <PageSection>
        <Grid hasGutter>
          <GridItem md={6}>
            <Form onSubmit={(e) => e.preventDefault()}>
              <Field label="Log" fieldId="audit-log">
                <FormSelect id="audit-log" value={log} onChange={(_e, v) => setLog(v as Log)}>
                  {(Object.keys(LOG_LABELS) as Log[]).map((l) => (
                    <FormSelectOption key={l} value={l} label={LOG_LABELS[l]} />
                  ))}
                </FormSelect>
              </Field>
              <Field label="Format" fieldId="audit-format">
                <FormSelect id="audit-format" value={format} onChange={(_e, v) => setFormat(v as "csv" | "ndjson")}>
                  <FormSelectOption value="csv" label="CSV" />
                  <FormSelectOption value="ndjson" label="JSON Lines (NDJSON)" />
                </FormSelect>
              </Field>
              <Field label="From" fieldId="audit-from" hint="First day included (UTC); empty for the start">
                <TextInput id="audit-from" type="date" value={from} onChange={(_e, v) => setFrom(v)} />
              </Field>
              <Field label="To" fieldId="audit-to" hint="Last day included (UTC); empty for now">
                <TextInput id="audit-to" type="date" value={to} onChange={(_e, v) => setTo(v)} />
              </Field>
              {log !== "changes" && (
                <>
                  <Field label="Team" fieldId="audit-team">
                    <TextInput id="audit-team" value={team} onChange={(_e, v) => setTeam(v)} />
                  </Field>
                  <Field label="Model" fieldId="audit-model">
                    <TextInput id="audit-model" value={model} onChange={(_e, v) => setModel(v)} />
                  </Field>
                </>
              )}
              {log === "decisions" && (
                <Field label="Outcome" fieldId="audit-outcome">
                  <FormSelect id="audit-outcome" value={outcome} onChange={(_e, v) => setOutcome(v)}>
                    <FormSelectOption value="" label="Allowed and denied" />
                    <FormSelectOption value="allow" label="Allowed" />
                    <FormSelectOption value="deny" label="Denied" />
                  </FormSelect>
                </Field>
              )}
              {log === "changes" && (
                <Field label="Actor" fieldId="audit-actor">
                  <TextInput id="audit-actor" value={actor} onChange={(_e, v) => setActor(v)} />
                </Field>
              )}
              <ActionGroup>
                <Button onClick={download} isDisabled={downloading} isLoading={downloading} data-testid="download">
                  Download
                </Button>
                {downloading && (
                  <Button variant="secondary" onClick={() => abort.current?.abort()} data-testid="cancel-download">
                    Cancel download
                  </Button>
                )}
                <Button variant="secondary" onClick={verify} isDisabled={verifying} data-testid="verify">
                  Verify the chain
                </Button>
              </ActionGroup>
            </Form>
          </GridItem>
          <GridItem md={6}>
            <ErrorAlert error={error} />
            {downloading && <DownloadProgress received={received} expectedRows={expectedRows} format={format} />}
            {downloaded && (
              <Alert variant="info" isInline title="Download" data-testid="download-result">
                {downloaded}
              </Alert>
            )}
            {verifying && <Spinner size="md" aria-label="Verifying" />}
            {verification && <VerificationResult log={log} result={verification} />}
          </GridItem>
        </Grid>
        <RetentionSection />
      </PageSection>
    </>
  );
}

/** Rows and bytes received so far; a share of the manifest's row count when it has arrived. */
function DownloadProgress({
  received,
  expectedRows,
  format,
}: {
  received: Progress;
  expectedRows?: number;
  format: "csv" | "ndjson";
}) {
  const rows = rowsReceived(received, format);
  const text = `${rows.toLocaleString("en")}${expectedRows === undefined ? "" : ` of ${expectedRows.toLocaleString("en")}`} rows, ${formatBytes(received.bytes)} received`;
  return expectedRows ? (
    <ProgressBar
      value={Math.min(100, (100 * rows) / expectedRows)}
      title="Downloading"
      label={text}
      valueText={text}
      measureLocation={ProgressMeasureLocation.outside}
      data-testid="download-progress"
    />
  ) : (
    <p data-testid="download-progress" aria-live="polite">
      <Spinner size="md" aria-label="Downloading" /> Downloading: {text}
    </p>
  );
}

function VerificationResult({ log, result }: { log: Log; result: Verification }) {
  const window = `${result.checked.toLocaleString()} entries checked from ${formatInstant(result.from)} to ${formatInstant(result.to)}.`;
  return result.verified ? (
    <Alert variant="success" isInline title={`The ${log} log is intact`} data-testid="verify-result">
      {window}
    </Alert>
  ) : (
    <Alert variant="danger" isInline title={`The ${log} log has been altered`} data-testid="verify-result">
      {window} First broken entry: {describe(result.firstBroken)}
    </Alert>
  );
}

function describe(entry: unknown): string {
  if (!entry || typeof entry !== "object") return String(entry);
  const { problem, ...where } = entry as Record<string, unknown>;
  const place = Object.entries(where)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(", ");
  return problem ? `${place}: ${String(problem)}.` : place;
}
