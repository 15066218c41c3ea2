/** The cooperation-requests module: its public surface, named explicitly. */
export { RequestsService } from './service.ts';
export type { CheckReport, DraftPatchInput, ListInput, NewDraftInput, RequestListItem } from './service.ts';
export { requestsRoutes } from './routes.ts';
export { installInbound } from './inbound.ts';
export { RequestReminders } from './reminders.ts';
export { REQUEST_ACTIONS, REQUEST_NODE_ABILITIES, requestNodeAbilities } from './policy.ts';
export type { RequestAction, RequestNodeAbility } from './policy.ts';
export { REQUEST_TYPES, requestType } from './types/index.ts';
export type { Messenger, ReminderMailer } from './ports.ts';
export type { RequestView } from './views.ts';
