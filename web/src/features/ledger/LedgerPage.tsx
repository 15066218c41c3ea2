import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client.ts';
import { useAbility } from '../../app/session.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { TextArea, TextField } from '../../components/Field.tsx';
import { Loading, Page, Section } from '../../components/Page.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Witnesses } from './Witnesses.tsx';
import { VerifyError, openCheckpoint, parseVerifierKey, verifyReceipt, type Checkpoint, type VerifiedReceipt } from './verify.ts';

const keys = { checkpoint: ['ledger', 'checkpoint'] as const, key: ['ledger', 'key'] as const };

function useCheckpointCheck(note: string | undefined, vkey: string | undefined) {
  return useQuery({
    queryKey: ['ledger', 'check', note, vkey],
    enabled: !!note && !!vkey,
    queryFn: async (): Promise<{ ok: true; cp: Checkpoint } | { ok: false; code: string }> => {
      try {
        return { ok: true, cp: await openCheckpoint(note ?? '', await parseVerifierKey(vkey ?? '')) };
      } catch (e) {
        return { ok: false, code: e instanceof VerifyError ? e.code : 'bad_note' };
      }
    },
  });
}

function LatestCheckpoint({ vkey }: { vkey: string | undefined }) {
  const { t, number } = useI18n();
  const qc = useQueryClient();
  const canSign = useAbility('ledger.checkpoint');
  const note = useQuery({
    queryKey: keys.checkpoint,
    queryFn: async () => {
      const r = await api.GET('/api/v1/ledger/checkpoint', { parseAs: 'text' });
      if (r.response.status === 404) return null;
      return call(Promise.resolve(r));
    },
  });
  const check = useCheckpointCheck(note.data ?? undefined, vkey);
  const sign = useMutation({
    mutationFn: () => call(api.POST('/api/v1/ledger/checkpoint', { parseAs: 'text' })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.checkpoint }),
  });
  return (
    <Section id="checkpoint" title={t('ledger.checkpoint')}>
      {note.isPending ? <Loading /> : null}
      <ErrorAlert error={note.error} />
      {note.data === null ? <p>{t('ledger.checkpoint.none')}</p> : null}
      {note.data ? (
        <>
          {check.data?.ok ? (
            <dl className="facts">
              <dt>{t('ledger.origin')}</dt>
              <dd dir="ltr">
                <code>{check.data.cp.origin}</code>
              </dd>
              <dt>{t('ledger.size')}</dt>
              <dd>{number(check.data.cp.size)}</dd>
              <dt>{t('ledger.root')}</dt>
              <dd dir="ltr">
                <code className="wrap">{check.data.cp.rootHash}</code>
              </dd>
            </dl>
          ) : null}
          {check.data ? (
            <Notice kind={check.data.ok ? 'success' : 'warning'}>{check.data.ok ? t('ledger.checkpoint.verified') : t('ledger.checkpoint.invalid')}</Notice>
          ) : null}
          <pre className="note" dir="ltr" tabIndex={0} aria-label={t('ledger.checkpoint')}>
            {note.data}
          </pre>
          <Witnesses note={note.data} />
        </>
      ) : null}
      {canSign ? (
        <>
          <ErrorAlert error={sign.error} />
          <button type="button" onClick={() => sign.mutate()} disabled={sign.isPending}>
            {t('ledger.checkpoint.sign')}
          </button>
        </>
      ) : null}
    </Section>
  );
}

function VerifyReceipt({ nodeKey }: { nodeKey: string | undefined }) {
  const { t, dateTime, number } = useI18n();
  // `/ledger?entry=12` (a request's timeline links here): that entry's receipt is fetched at once.
  const [params] = useSearchParams();
  const entry = params.get('entry');
  const [index, setIndex] = useState(entry && /^\d{1,16}$/.test(entry) ? entry : '0');
  const [receipt, setReceipt] = useState('');
  const [vkey, setVkey] = useState('');
  const [result, setResult] = useState<{ ok: true; r: VerifiedReceipt } | { ok: false; code: string; message: string } | null>(null);
  useEffect(() => {
    if (nodeKey && !vkey) setVkey(nodeKey.trim());
  }, [nodeKey, vkey]);
  const asked = useRef(false);
  const fetchReceipt = useMutation({
    mutationFn: (i: string) => call(api.GET('/api/v1/ledger/receipts/{index}', { params: { path: { index: i } } })),
    onSuccess: (r) => {
      setReceipt(JSON.stringify(r, null, 2));
      setResult(null);
    },
  });
  useEffect(() => {
    if (asked.current || !entry || !/^\d{1,16}$/.test(entry)) return;
    asked.current = true;
    fetchReceipt.mutate(entry);
  }, [entry, fetchReceipt]);
  const verify = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setResult({ ok: true, r: await verifyReceipt(receipt, vkey) });
    } catch (err) {
      setResult({ ok: false, code: err instanceof VerifyError ? err.code : 'bad_receipt', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <Section id="verify" title={t('ledger.verify.title')}>
      <form
        className="form row"
        noValidate
        aria-label={t('ledger.verify.fetch')}
        onSubmit={(e) => {
          e.preventDefault();
          fetchReceipt.mutate(index.trim());
        }}
      >
        <TextField label={t('ledger.verify.index')} value={index} onChange={setIndex} inputMode="numeric" pointer="/index" error={fetchReceipt.error} dir="ltr" />
        <button type="submit" className="align-end" disabled={fetchReceipt.isPending}>
          {t('ledger.verify.fetch')}
        </button>
      </form>
      <ErrorAlert error={fetchReceipt.error} />
      <form className="form" onSubmit={verify} noValidate aria-label={t('ledger.verify.title')}>
        <TextArea label={t('ledger.verify.receipt')} value={receipt} onChange={setReceipt} rows={8} required />
        <TextArea label={t('ledger.verify.vkey')} hint={t('ledger.verify.vkeyHint')} value={vkey} onChange={setVkey} rows={2} required />
        <button type="submit" className="button-primary">
          {t('ledger.verify.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {result?.ok ? (
          <div className="alert alert-success" role="status" data-testid="verify-result">
            <p className="alert-title">{t('ledger.verify.ok', { index: number(result.r.index), origin: result.r.origin, size: number(result.r.size) })}</p>
            <dl className="facts">
              <dt>{t('ledger.entry.action')}</dt>
              <dd dir="ltr">
                <code>{result.r.entry.action}</code>
              </dd>
              <dt>{t('ledger.entry.object')}</dt>
              <dd dir="ltr">
                <code>
                  {result.r.entry.object.type}/{result.r.entry.object.id}
                </code>
              </dd>
              <dt>{t('ledger.entry.actor')}</dt>
              <dd dir="ltr">
                <code>{result.r.entry.actor}</code>
              </dd>
              <dt>{t('ledger.entry.at')}</dt>
              <dd>{dateTime(result.r.entry.at)}</dd>
            </dl>
          </div>
        ) : null}
        {result && !result.ok ? (
          <div className="alert alert-error" role="alert" data-testid="verify-result">
            <p className="alert-title">{t('ledger.verify.fail', { reason: t(`ledger.err.${result.code}` as MessageKey) })}</p>
            <p lang="en" dir="ltr">
              {result.message}
            </p>
          </div>
        ) : null}
      </div>
    </Section>
  );
}

/** The ledger: the latest signed checkpoint (its signature checked here) and receipt verification in the browser. */
export function LedgerPage() {
  const { t } = useI18n();
  const key = useQuery({ queryKey: keys.key, queryFn: () => call(api.GET('/api/v1/ledger/key', { parseAs: 'text' })) });
  return (
    <Page title={t('ledger.title')}>
      <p>{t('ledger.intro')}</p>
      <LatestCheckpoint vkey={key.data} />
      <Section id="key" title={t('ledger.key')}>
        <ErrorAlert error={key.error} />
        <pre className="note" dir="ltr" tabIndex={0} aria-label={t('ledger.key')}>
          {key.data ?? ''}
        </pre>
        <p className="muted small">{t('ledger.verify.vkeyHint')}</p>
      </Section>
      <VerifyReceipt nodeKey={key.data} />
    </Page>
  );
}
