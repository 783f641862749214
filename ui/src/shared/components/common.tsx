import { Alert, FormGroup, FormHelperText, HelperText, HelperTextItem, Label, Spinner } from "@patternfly/react-core";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { errorMessage } from "../api";

/** Loads data for a screen; `reload` fetches again after a change. */
export function useLoader<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  // The caller's deps, as it would pass them to useEffect: the rules cannot see through the forwarding.
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo
  const run = useCallback(load, deps);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ run: typeof run; attempt: number }>();
  // Loading until the newest load (after a change of deps or a reload) has answered.
  const loading = settled?.run !== run || settled.attempt !== attempt;
  useEffect(() => {
    run()
      .then((value) => {
        setData(value);
        setError(undefined);
      })
      .catch(setError)
      .finally(() => setSettled({ run, attempt }));
  }, [run, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload };
}

export function ErrorAlert({ error, title = "Portolan refused this" }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert variant="danger" isInline title={title} data-testid="error-alert">
      {errorMessage(error)}
    </Alert>
  );
}

export function Loading() {
  return <Spinner size="lg" aria-label="Loading" />;
}

/**
 * A form group that shows the server's message for its field under the input; `role="group"` for a
 * set of checkboxes (labelled as a group, not as one input).
 */
export function Field(props: {
  label: string;
  fieldId: string;
  error?: string;
  hint?: string;
  isRequired?: boolean;
  role?: "group";
  children: ReactNode;
}) {
  return (
    <FormGroup
      label={props.label}
      fieldId={props.fieldId}
      isRequired={props.isRequired}
      role={props.role}
      isStack={props.role === "group"}
    >
      {props.children}
      {(props.error || props.hint) && (
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant={props.error ? "error" : "default"} id={`${props.fieldId}-helper`}>
              {props.error ?? props.hint}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
}

const STATUS_COLORS: Record<string, "green" | "red" | "orange" | "grey" | "blue" | "purple"> = {
  pending: "orange",
  approved: "green",
  rejected: "red",
  withdrawn: "grey",
  revoked: "red",
  expired: "grey",
  active: "green",
  suspended: "red",
  proposed: "blue",
  restricted: "orange",
  retired: "grey",
  allow: "green",
  deny: "red",
};

export function StatusLabel({ status }: { status: string }) {
  return <Label color={STATUS_COLORS[status] ?? "grey"}>{status}</Label>;
}
