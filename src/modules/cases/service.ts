import type { ServiceContext } from '../context.ts';

export class CasesService {
  readonly ctx: ServiceContext;
  constructor(ctx: ServiceContext) {
    this.ctx = ctx;
  }
}
