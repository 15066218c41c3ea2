import type { ScreenModule } from '../app/modules.ts';
import { RequireAbility } from '../app/Shell.tsx';
import { LedgerPage } from '../features/ledger/LedgerPage.tsx';

export const ledgerScreens: ScreenModule = {
  id: 'ledger',
  nav: [{ to: '/ledger', label: 'nav.ledger', ability: 'ledger.read' }],
  routes: [
    {
      path: 'ledger',
      element: (
        <RequireAbility ability="ledger.read">
          <LedgerPage />
        </RequireAbility>
      ),
    },
  ],
};
