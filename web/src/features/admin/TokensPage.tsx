import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type Role } from '../../api/client.ts';
import { useAbility, useCurrentSession } from '../../app/session.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxGroup, TextField } from '../../components/Field.tsx';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoleLabel } from './roles.ts';

type Scope = 'ledger:read';
const SCOPES: readonly Scope[] = ['ledger:read'];
const tokensKey = ['tokens'] as const;

function NewToken() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const roleLabel = useRoleLabel();
  const qc = useQueryClient();
  const [d, setD] = useState({ name: '', roles: [] as Role[], scopes: [] as Scope[], days: '30' });
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/tokens', {
          body: { name: d.name, expiresInDays: Number(d.days), ...(d.roles.length ? { roles: d.roles } : {}), ...(d.scopes.length ? { scopes: d.scopes } : {}) },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Section id="new-token" title={t('tokens.new')}>
      {create.data ? (
        <div className="alert alert-success" role="status">
          <p className="alert-title">{t('tokens.secret')}</p>
          <code className="secret wrap" dir="ltr">
            {create.data.token}
          </code>
        </div>
      ) : null}
      <form className="form" onSubmit={submit} noValidate aria-label={t('tokens.new')}>
        <div className="row">
          <TextField label={t('tokens.name')} pointer="/name" error={create.error} value={d.name} onChange={(v) => setD({ ...d, name: v })} required maxLength={100} />
          <TextField label={t('tokens.expiresInDays')} type="number" pointer="/expiresInDays" error={create.error} value={d.days} onChange={(v) => setD({ ...d, days: v })} inputMode="numeric" />
        </div>
        <CheckboxGroup legend={t('tokens.roles')} pointer="/roles" error={create.error} columns value={d.roles} onChange={(v) => setD({ ...d, roles: v })} options={session.roles.map((r) => ({ value: r, label: roleLabel(r) }))} />
        <CheckboxGroup legend={t('tokens.scopes')} pointer="/scopes" error={create.error} value={d.scopes} onChange={(v) => setD({ ...d, scopes: v })} options={SCOPES.map((s) => ({ value: s, label: t('tokens.scope.ledgerRead'), hint: s }))} />
        <ErrorAlert error={create.error} />
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t('tokens.create')}
        </button>
      </form>
    </Section>
  );
}

/** API tokens: mine (anyone), everyone's (admin, oversight); create for myself; revoke. */
export function TokensPage() {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const qc = useQueryClient();
  const canListAll = useAbility('tokens.list_all');
  const [all, setAll] = useState(false);
  const [revoked, setRevoked] = useState(false);
  const list = useQuery({
    queryKey: [...tokensKey, all, revoked],
    queryFn: () => call(api.GET('/api/v1/tokens', { params: { query: { ...(all ? { all: true } : {}), ...(revoked ? { includeRevoked: true } : {}) } } })),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
  return (
    <Page title={t('tokens.title')}>
      <NewToken />
      <Section id="token-list" title={all ? t('tokens.all') : t('tokens.mine')}>
        <div className="row">
          {canListAll ? (
            <label className="check">
              <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('tokens.showAll')}
            </label>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={revoked} onChange={(e) => setRevoked(e.target.checked)} /> {t('tokens.includeRevoked')}
          </label>
        </div>
        {list.isPending ? <Loading /> : null}
        <ErrorAlert error={list.error ?? revoke.error} />
        {list.data && list.data.items.length === 0 ? <p>{t('tokens.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('tokens.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tokens.name')}</th>
                  <th scope="col">{t('tokens.owner')}</th>
                  <th scope="col">{t('tokens.prefix')}</th>
                  <th scope="col">{t('tokens.roles')}</th>
                  <th scope="col">{t('tokens.expires')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.name}</th>
                    <td dir="ltr">{k.username}</td>
                    <td dir="ltr">
                      <code>{k.prefix}…</code>
                    </td>
                    <td>{[...k.roles.map(roleLabel), ...k.scopes].join(', ') || t('common.none')}</td>
                    <td>
                      <DateTime value={k.expiresAt} />
                    </td>
                    <td>{k.lastUsedAt ? <DateTime value={k.lastUsedAt} /> : t('tokens.never')}</td>
                    <td>
                      {k.revokedAt ? (
                        <span>
                          {t('tokens.revoked')} <DateTime value={k.revokedAt} />
                        </span>
                      ) : (
                        <button type="button" className="button-danger" disabled={revoke.isPending} onClick={() => confirm(t('tokens.revokeConfirm', { name: k.name })) && revoke.mutate(k.id)}>
                          {t('tokens.revoke')}
                          <span className="visually-hidden"> {k.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Section>
    </Page>
  );
}
