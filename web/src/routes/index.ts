import type { ScreenModule } from '../app/modules.ts';
import { accountScreens } from './account.tsx';
import { adminScreens } from './admin.tsx';
import { casesScreens } from './cases.tsx';
import { dashboardScreens } from './dashboard.tsx';
import { ledgerScreens } from './ledger.tsx';

/**
 * Every module's screens, in navigation order. A module's screens are one entry here (requests, inbox/outbox,
 * directory, evidence… come with their issues).
 */
export const SCREEN_MODULES: readonly ScreenModule[] = [dashboardScreens, casesScreens, ledgerScreens, adminScreens, accountScreens];
