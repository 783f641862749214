import type { ReactNode } from "react";
import { ErrorAlert, Loading } from "./common";

/** What a screen loads: why it could not be loaded, a spinner until it answers, then `children` with the data. */
export function Loaded<T>(props: {
  data: T | undefined;
  error: unknown;
  errorTitle: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      <ErrorAlert error={props.error} title={props.errorTitle} />
      {!props.data && !props.error && <Loading />}
      {props.data && props.children(props.data)}
    </>
  );
}
