import type { ScreenModule } from '../app/modules.ts';
import { RequireAbility } from '../app/Shell.tsx';
import { CaseDetailPage } from '../features/cases/CaseDetailPage.tsx';
import { CaseCreatePage, CaseEditPage } from '../features/cases/CaseFormPage.tsx';
import { CaseListPage } from '../features/cases/CaseListPage.tsx';

/** Cases: everyone logged in sees the list (the node scopes it); opening one needs `case.create`. */
export const casesScreens: ScreenModule = {
  id: 'cases',
  nav: [{ to: '/cases', label: 'nav.cases' }],
  routes: [
    { path: 'cases', element: <CaseListPage /> },
    {
      path: 'cases/new',
      element: (
        <RequireAbility ability="case.create">
          <CaseCreatePage />
        </RequireAbility>
      ),
    },
    { path: 'cases/:id', element: <CaseDetailPage /> },
    { path: 'cases/:id/edit', element: <CaseEditPage /> },
  ],
};
