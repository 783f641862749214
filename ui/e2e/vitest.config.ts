import { defineConfig } from "vitest/config";

// End-to-end specs drive Debian's Chromium against a running Portolan stack, one file at a time.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
