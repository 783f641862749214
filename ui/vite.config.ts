import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// `npm run dev` proxies the API to a running Portolan (the test stack by default).
const portolan = process.env.PORTOLAN_URL ?? "http://localhost:28080";

export default defineConfig({
  plugins: [react()],
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": portolan, "/ui-config.json": portolan } },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
