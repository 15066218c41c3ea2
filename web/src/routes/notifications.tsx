import type { ScreenModule } from '../app/modules.ts';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';

/** My notifications (the bell in the banner opens the latest; this screen lists them all). */
export const notificationsScreens: ScreenModule = {
  id: 'notifications',
  nav: [],
  routes: [{ path: 'notifications', element: <NotificationsPage /> }],
};
