import type { ScreenModule } from '../app/modules.ts';
import { RequireAbility } from '../app/Shell.tsx';
import { TokensPage } from '../features/admin/TokensPage.tsx';
import { UsersPage } from '../features/admin/UsersPage.tsx';

/** Administration: users (admin, oversight read-only) and API tokens (everyone has their own). */
export const adminScreens: ScreenModule = {
  id: 'admin',
  nav: [
    { to: '/admin/users', label: 'nav.admin.users', ability: 'users.list' },
    { to: '/admin/tokens', label: 'nav.admin.tokens' },
  ],
  routes: [
    {
      path: 'admin/users',
      element: (
        <RequireAbility ability="users.list">
          <UsersPage />
        </RequireAbility>
      ),
    },
    { path: 'admin/tokens', element: <TokensPage /> },
  ],
};
