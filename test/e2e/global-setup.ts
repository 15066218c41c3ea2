import { ensureWebBuilt } from './kit.ts';

/** Builds the web application once per test run when web/dist is missing or older than its sources. */
export default function setup(): void {
  ensureWebBuilt();
}
