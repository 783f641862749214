// ESLint 9 flat config: the recommended JavaScript, TypeScript and React hooks rules.
// Formatting is Prettier's (eslint-config-prettier turns off the rules it would fight).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "node_modules", "test-results", "coverage"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  // The app runs in the browser; the end-to-end specs, scripts and configs run in Node.
  { files: ["src/**"], languageOptions: { globals: globals.browser } },
  { ignores: ["src/**"], languageOptions: { globals: globals.node } },
  prettier,
);
