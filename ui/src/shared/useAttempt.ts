import { useCallback, useState } from "react";

/** Runs a change the user asked for, keeping what Portolan answered when it failed (cleared by the next attempt). */
export function useAttempt() {
  const [error, setError] = useState<unknown>();
  const attempt = useCallback(async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
  }, []);
  return { error, attempt };
}
