import type { App } from '../../http/types.ts';
import type { CasesService } from './service.ts';

export async function casesRoutes(_app: App, _deps: { cases: CasesService }): Promise<void> {}
