import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type Role, type User } from '../../api/client.ts';
import { useAbility } from '../../app/session.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ROLES, useRoleLabel } from './roles.ts';

const usersKey = ['users'] as const;

function NewUser() {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const qc = useQueryClient();
  const empty = { username: '', displayName: '', email: '', password: '', roles: [] as Role[] };
  const [d, setD] = useState(empty);
  const create = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/users', { body: { username: d.username.trim(), displayName: d.displayName, email: d.email.trim() || null, password: d.password, roles: d.roles } })),
    onSuccess: () => {
      setD(empty);
      return qc.invalidateQueries({ queryKey: usersKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Section id="new-user" title={t('users.new')}>
      {create.isSuccess ? <Notice kind="success">{t('users.created', { name: create.data.username })}</Notice> : null}
      <form className="form" onSubmit={submit} noValidate aria-label={t('users.new')}>
        <div className="row">
          <TextField label={t('users.username')} pointer="/username" error={create.error} value={d.username} onChange={(v) => setD({ ...d, username: v })} required autoComplete="off" dir="ltr" maxLength={63} />
          <TextField label={t('users.displayName')} pointer="/displayName" error={create.error} value={d.displayName} onChange={(v) => setD({ ...d, displayName: v })} maxLength={200} />
        </div>
        <div className="row">
          <TextField label={t('users.email')} type="email" pointer="/email" error={create.error} value={d.email} onChange={(v) => setD({ ...d, email: v })} dir="ltr" />
          <TextField label={t('users.password')} type="password" pointer="/password" error={create.error} value={d.password} onChange={(v) => setD({ ...d, password: v })} required autoComplete="new-password" />
        </div>
        <CheckboxGroup legend={t('users.roles')} pointer="/roles" error={create.error} columns value={d.roles} onChange={(v) => setD({ ...d, roles: v })} options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} />
        <ErrorAlert error={create.error} />
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t('users.create.submit')}
        </button>
      </form>
    </Section>
  );
}

function UserEditor({ user, onClose }: { user: User; onClose(): void }) {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const qc = useQueryClient();
  const canRoles = useAbility('users.roles');
  const canUpdate = useAbility('users.update');
  const canDisable = useAbility('users.disable');
  const canResetPassword = useAbility('users.reset_password');
  const canResetTotp = useAbility('users.reset_totp');
  const [d, setD] = useState({ displayName: user.displayName, email: user.email ?? '', roles: [...user.roles] });
  const [password, setPassword] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: usersKey });
  const patch = useMutation({
    mutationFn: (body: { displayName?: string; email?: string | null; roles?: Role[]; disabled?: boolean }) => call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body })),
    onSuccess: refresh,
  });
  const resetPassword = useMutation({
    mutationFn: () => call(api.POST('/api/v1/users/{id}/reset-password', { params: { path: { id: user.id } }, body: { password } })),
    onSuccess: () => {
      setPassword('');
      return refresh();
    },
  });
  const resetTotp = useMutation({ mutationFn: () => call(api.POST('/api/v1/users/{id}/reset-totp', { params: { path: { id: user.id } } })), onSuccess: refresh });
  return (
    <div className="card subform" role="group" aria-label={t('users.editing', { name: user.username })}>
      <h3>{t('users.editing', { name: user.username })}</h3>
      <p className="muted small">
        {t('users.id')}: <code dir="ltr">{user.id}</code>
      </p>
      {canUpdate ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            patch.mutate({ displayName: d.displayName, email: d.email.trim() || null, ...(canRoles ? { roles: d.roles } : {}) });
          }}
        >
          <div className="row">
            <TextField label={t('users.displayName')} pointer="/displayName" error={patch.error} value={d.displayName} onChange={(v) => setD({ ...d, displayName: v })} />
            <TextField label={t('users.email')} type="email" pointer="/email" error={patch.error} value={d.email} onChange={(v) => setD({ ...d, email: v })} dir="ltr" />
          </div>
          {canRoles ? (
            <CheckboxGroup legend={t('users.roles')} pointer="/roles" error={patch.error} columns value={d.roles} onChange={(v) => setD({ ...d, roles: v })} options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} />
          ) : null}
          {patch.isSuccess ? <Notice kind="success">{t('common.saved')}</Notice> : null}
          <ErrorAlert error={patch.error} />
          <div className="actions">
            <button type="submit" className="button-primary" disabled={patch.isPending}>
              {t('common.save')}
            </button>
            {canDisable ? (
              <button type="button" onClick={() => patch.mutate({ disabled: !user.disabled })} disabled={patch.isPending}>
                {user.disabled ? t('users.enable') : t('users.disable')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {canResetPassword ? (
        <form
          className="form row"
          noValidate
          aria-label={t('users.resetPassword')}
          onSubmit={(e) => {
            e.preventDefault();
            resetPassword.mutate();
          }}
        >
          <TextField label={t('users.resetPassword')} type="password" pointer="/password" error={resetPassword.error} value={password} onChange={setPassword} autoComplete="new-password" />
          <button type="submit" className="align-end" disabled={resetPassword.isPending}>
            {t('users.resetPassword.submit')}
          </button>
        </form>
      ) : null}
      {resetPassword.isSuccess ? <Notice kind="success">{t('common.saved')}</Notice> : null}
      <ErrorAlert error={resetPassword.error} />
      {canResetTotp && user.totpEnabled ? (
        <p>
          <button type="button" className="button-danger" disabled={resetTotp.isPending} onClick={() => confirm(t('users.resetTotp.confirm', { name: user.username })) && resetTotp.mutate()}>
            {t('users.resetTotp')}
          </button>
        </p>
      ) : null}
      {resetTotp.isSuccess ? <Notice kind="success">{t('common.saved')}</Notice> : null}
      <ErrorAlert error={resetTotp.error} />
      <button type="button" className="button-quiet" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}

/** Users of this node: list (admin, oversight), create and change (admin); every button follows the abilities. */
export function UsersPage() {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const canCreate = useAbility('users.create');
  const canEdit = useAbility('users.update');
  const canResetPassword = useAbility('users.reset_password');
  const canResetTotp = useAbility('users.reset_totp');
  const canUpdate = canEdit || canResetPassword || canResetTotp;
  const [role, setRole] = useState<Role | ''>('');
  const [editing, setEditing] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: [...usersKey, role],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/users', { params: { query: { limit: 50, ...(role ? { role } : {}), ...(pageParam ? { after: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];
  const current = users.find((u) => u.id === editing);
  return (
    <Page title={t('users.title')}>
      {canCreate ? <NewUser /> : null}
      <Section id="user-list" title={t('users.title')}>
        <div className="row">
          <SelectField label={t('users.filter.role')} value={role} onChange={setRole} options={[{ value: '' as const, label: t('cases.filter.any') }, ...ROLES.map((r) => ({ value: r, label: roleLabel(r) }))]} />
        </div>
        {list.isPending ? <Loading /> : null}
        <ErrorAlert error={list.error} />
        {current ? <UserEditor key={current.id + current.updatedAt} user={current} onClose={() => setEditing(null)} /> : null}
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.totp')}</th>
                <th scope="col">{t('case.created')}</th>
                {canUpdate ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row" dir="ltr">
                    {u.username}
                  </th>
                  <td>{u.displayName}</td>
                  <td>{u.roles.map(roleLabel).join(', ') || t('common.none')}</td>
                  <td>
                    {u.disabled ? t('users.disabled') : t('users.active')}
                    {u.lockedUntil ? (
                      <>
                        {' '}
                        · {t('users.locked')} <DateTime value={u.lockedUntil} />
                      </>
                    ) : null}
                  </td>
                  <td>{u.totpEnabled ? t('common.yes') : t('common.no')}</td>
                  <td>
                    <DateTime value={u.createdAt} />
                  </td>
                  {canUpdate ? (
                    <td>
                      <button type="button" className="button-quiet" onClick={() => setEditing(u.id)} aria-expanded={editing === u.id}>
                        {t('users.edit')}
                        <span className="visually-hidden"> {u.username}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.hasNextPage ? (
          <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {t('users.more')}
          </button>
        ) : null}
      </Section>
    </Page>
  );
}
