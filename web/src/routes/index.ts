import type { ScreenModule } from '../app/modules.ts';
import { accountScreens } from './account.tsx';
import { adminScreens } from './admin.tsx';
import { casesScreens } from './cases.tsx';
import { dashboardScreens } from './dashboard.tsx';
import { directoryScreens } from './directory.tsx';
import { ledgerScreens } from './ledger.tsx';
import { notificationsScreens } from './notifications.tsx';
import { requestsScreens } from './requests.tsx';

/**
 * Every module's screens, in navigation order. A module's screens are one entry here (evidence, the 24/7 network…
 * come with their issues).
 */
export const SCREEN_MODULES: readonly ScreenModule[] = [
  dashboardScreens,
  casesScreens,
  requestsScreens,
  directoryScreens,
  notificationsScreens,
  ledgerScreens,
  adminScreens,
  accountScreens,
];
