import type { ScreenModule } from '../app/modules.ts';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';

export const dashboardScreens: ScreenModule = {
  id: 'dashboard',
  nav: [{ to: '/', label: 'nav.dashboard', end: true }],
  routes: [{ index: true, element: <DashboardPage /> }],
};
