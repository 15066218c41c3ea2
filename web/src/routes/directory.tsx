import type { ScreenModule } from '../app/modules.ts';
import { DirectoryPage } from '../features/directory/DirectoryPage.tsx';
import { hasRequestsAbility } from '../features/requests/abilities.ts';

/** The federation directory: States, their central authorities and 24/7 points, languages, declarations. */
export const directoryScreens: ScreenModule = {
  id: 'directory',
  nav: [{ to: '/directory', label: 'nav.directory', when: (s) => hasRequestsAbility(s, 'directory.read') }],
  routes: [{ path: 'directory', element: <DirectoryPage /> }],
};
