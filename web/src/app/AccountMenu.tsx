import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../api/client.ts';
import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useCurrentSession, useEndSession } from './session.ts';

/** The account menu: who I am, language, my account, log out. A disclosure button; Escape closes it. */
export function AccountMenu() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const endSession = useEndSession();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      endSession({ deliberate: true });
      void navigate('/login');
    },
  });

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const name = session.user.displayName || session.user.username;
  return (
    <div className="account-menu" ref={root}>
      <button ref={button} type="button" className="button-quiet" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <span className="visually-hidden">{t('account.menu')}: </span>
        {name}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div id={panelId} className="menu-panel" hidden={!open}>
        <p className="muted small">{t('account.signedInAs', { name: session.user.username })}</p>
        <LanguageSelect id="menu-language" />
        <ul className="menu-list">
          <li>
            <Link to="/account" onClick={() => setOpen(false)}>
              {t('account.settings')}
            </Link>
          </li>
          <li>
            <button type="button" className="button-quiet" onClick={() => logout.mutate()} disabled={logout.isPending}>
              {t('account.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
