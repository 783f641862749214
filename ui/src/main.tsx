import "@patternfly/react-core/dist/styles/base.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { App } from "./App";
import { login } from "./shared/auth";

const root = createRoot(document.getElementById("root")!);

login()
  .then((session) =>
    root.render(
      <StrictMode>
        <BrowserRouter>
          <App session={session} />
        </BrowserRouter>
      </StrictMode>,
    ),
  )
  .catch((error: unknown) => {
    root.render(
      <main style={{ padding: "2rem", fontFamily: "sans-serif" }}>
        <h1>Portolan cannot sign you in</h1>
        <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    );
  });
