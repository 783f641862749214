export { PortolanClient, UNAVAILABLE_CODE, toDecision } from "./client.js";
export { DecisionCache } from "./cache.js";
export { PortolanProblemError, PortolanUnavailableError, type FieldError } from "./errors.js";
export type * from "./types.js";
