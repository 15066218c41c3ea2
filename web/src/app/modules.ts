import type { RouteObject } from 'react-router';
import type { SessionInfo } from '../api/client.ts';
import type { MessageKey } from '../i18n/catalogue.ts';

/**
 * How a domain module plugs its screens into the shell: one route file in web/src/routes/ exports a `ScreenModule`
 * (its routes and its navigation entries), web/src/routes/index.ts lists it, and its strings go into the six
 * catalogues. Nothing else changes. Navigation entries and routes name the node-wide ability they need (from
 * GET /api/v1/auth/session): the shell hides what the server would refuse, and the server still checks.
 */
export interface NavEntry {
  to: string;
  label: MessageKey;
  /** Shown only when the session carries this ability. */
  ability?: string;
  /** Shown only when this holds for the session (abilities a module derives itself). */
  when?: (session: SessionInfo) => boolean;
  /** Highlight only on exact match (the dashboard). */
  end?: boolean;
}

export interface ScreenModule {
  id: string;
  nav: NavEntry[];
  /** Routes under the logged-in shell; paths are relative to `/`. */
  routes: RouteObject[];
}
