import { AccountsService } from './accounts/service.ts';
import { CasesService } from './cases/service.ts';
import type { ServiceContext } from './context.ts';
import { loadProfiles } from './requests/legislation/index.ts';
import type { Messenger } from './requests/ports.ts';
import { RequestsService } from './requests/service.ts';

/** Every module's service, built once per node process and shared by the HTTP app and the CLI. */
export interface Services {
  accounts: AccountsService;
  cases: CasesService;
  requests: RequestsService;
}

export interface ServiceOptions {
  /** The node's federation; absent in the CLI, which then cannot transmit or follow up requests. */
  messenger?: Messenger | null;
}

export function createServices(ctx: ServiceContext, opts: ServiceOptions = {}): Services {
  const accounts = new AccountsService(ctx);
  const cases = new CasesService(ctx);
  const profiles = loadProfiles(ctx.config.legislationProfilesDir || undefined);
  const requests = new RequestsService(ctx, { cases, messenger: opts.messenger ?? null, profiles });
  return { accounts, cases, requests };
}
