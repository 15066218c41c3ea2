import { AccountsService } from './accounts/service.ts';
import { CasesService } from './cases/service.ts';
import type { ServiceContext } from './context.ts';

/** Every module's service, built once per node process and shared by the HTTP app and the CLI. */
export interface Services {
  accounts: AccountsService;
  cases: CasesService;
}

export function createServices(ctx: ServiceContext): Services {
  const accounts = new AccountsService(ctx);
  return { accounts, cases: new CasesService(ctx) };
}
