import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import type { FieldDefinition, RequestDetail, RequestType } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { letterUrl, useCommand, usePatchDraft, useRequest, useRequestType } from './api.ts';
import { CompletenessPanel, checkItems } from './CompletenessPanel.tsx';
import { ContentView } from './ContentView.tsx';
import { draftingZone, fromInput, isRequired, sameValue, toInput, type FieldInput } from './field-values.ts';
import { useRequestLabels } from './labels.ts';
import { RequestField, fieldDomId, type FieldStatus } from './RequestField.tsx';
import { SetupStep, SETUP_FIELDS, setupDomId } from './SetupStep.tsx';
import { TailoringPanel } from './TailoringPanel.tsx';
import { WIZARD_STEPS, type WizardStep } from './vocabulary.ts';

type Step = WizardStep | 'setup' | 'review';
type Inputs = Record<string, FieldInput>;

function initial(fields: readonly FieldDefinition[], content: Readonly<Record<string, unknown>>, zone: string): Inputs {
  return Object.fromEntries(fields.map((f) => [f.id, toInput(f.kind, content[f.id], zone)]));
}

/** The fields whose form value differs from the stored content, with the value to send (null clears). */
function changes(fields: readonly FieldDefinition[], inputs: Inputs, content: Readonly<Record<string, unknown>>, zone: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const input = inputs[f.id];
    if (!input) continue;
    const v = fromInput(f.kind, input, zone);
    if (!sameValue(v, content[f.id])) out[f.id] = v;
  }
  return out;
}

/** The draft wizard: a request's fields step by step (from its type definition), with the live completeness list. */
export function DraftPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const q = useRequest(id);
  const type = useRequestType(q.data?.typeId);
  if (q.isPending || type.isPending) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  if (type.error || !type.data) return <ErrorAlert error={type.error ?? new Error(`unknown request type ${q.data.typeId}`)} />;
  const r = q.data;
  if (r.view !== 'full' || r.state !== 'draft' || !r.abilities.includes('request.edit'))
    return (
      <Page title={t('wizard.title', { reference: r.reference })}>
        <Notice kind="warning">{r.state !== 'draft' ? t('wizard.notDraft') : t('wizard.readOnly')}</Notice>
        <p>
          <Link to={`/requests/${r.id}`}>{t('wizard.openRequest')}</Link>
        </p>
      </Page>
    );
  return <Wizard r={r} type={type.data} />;
}

function Wizard({ r, type }: { r: RequestDetail; type: RequestType }) {
  const { t, lang, effectiveTimeZone, dateTime } = useI18n();
  const labels = useRequestLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const content = useMemo(() => r.content ?? {}, [r.content]);
  const zone = draftingZone(content, effectiveTimeZone);
  const steps = useMemo<Step[]>(() => ['setup', ...WIZARD_STEPS.filter((s) => type.fields.some((f) => f.step === s)), 'review'], [type]);
  const stepParam = params.get('step');
  const step: Step = steps.find((s) => s === stepParam) ?? 'setup';
  const [inputs, setInputs] = useState<Inputs>(() => initial(type.fields, content, zone));
  const base = useRef({ version: r.version, content });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // The field to focus after the next step change (a completeness item, or `?focus=` from the request page).
  const pendingFocus = useRef<{ field: string | null; step: string } | null>(params.get('focus') ? { field: params.get('focus'), step: params.get('step') ?? 'setup' } : null);
  const [focusTick, setFocusTick] = useState(0);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const patch = usePatchDraft(r.id);
  const submit = useCommand(r.id);

  // Someone (or this tab's own save) changed the draft: take the new values of the fields not being edited here.
  useEffect(() => {
    if (r.version === base.current.version) return;
    const old = base.current.content;
    setInputs((prev) => {
      const next: Inputs = { ...prev };
      for (const f of type.fields) {
        const mine = prev[f.id];
        const edited = mine !== undefined && !sameValue(fromInput(f.kind, mine, zone), old[f.id]);
        if (!edited) next[f.id] = toInput(f.kind, content[f.id], zone);
      }
      return next;
    });
    base.current = { version: r.version, content };
  }, [r.version, content, type.fields, zone]);

  const pending = changes(type.fields, inputs, content, zone);
  const dirty = Object.keys(pending).length > 0;

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('wizard.leaveUnsaved'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** Saves every changed field; resolves true when there was nothing to save or the node accepted it. */
  const save = useCallback(async (): Promise<boolean> => {
    const body = changes(type.fields, inputs, content, zone);
    if (Object.keys(body).length === 0) return true;
    const conf = body.confidentialityRequested;
    try {
      const next = await patch.mutateAsync({ version: r.version, content: body, ...(conf === null || typeof conf === 'boolean' ? { confidentialityRequested: conf === true } : {}) });
      // The saved fields take the node's normalised values.
      const c = next.content ?? {};
      setInputs((prev) => {
        const out = { ...prev };
        for (const f of type.fields) if (f.id in body) out[f.id] = toInput(f.kind, c[f.id], draftingZone(c, effectiveTimeZone));
        return out;
      });
      base.current = { version: next.version, content: c };
      setSavedAt(new Date().toISOString());
      return true;
    } catch {
      return false;
    }
  }, [type.fields, inputs, content, zone, patch, r.version, effectiveTimeZone]);

  const goTo = async (s: Step, field?: string) => {
    if (!(await save())) return;
    pendingFocus.current = { field: field ?? null, step: s };
    setFocusTick((n) => n + 1);
    const p = new URLSearchParams(params);
    p.set('step', s);
    p.delete('focus');
    setParams(p);
  };

  // After a step change: the focus goes to the field asked for, or to the step's heading (not on arrival: the
  // screen's h1 has it then, unless a field was asked for).
  const arrived = useRef(true);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (arrived.current) {
      arrived.current = false;
      if (!pending?.field) return;
    }
    // The URL (and so the step) changes after the state that asked for it: wait for the step to arrive.
    if (pending && pending.step !== step) return;
    const field = pending?.field ?? null;
    pendingFocus.current = null;
    const target = field ? (document.getElementById(fieldDomId(field)) ?? document.getElementById(setupDomId(field))) : null;
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
    } else stepHeading.current?.focus();
  }, [step, focusTick]);

  const fieldById = useMemo(() => new Map(type.fields.map((f) => [f.id, f])), [type]);
  const fieldLabel = useCallback(
    (id: string) => {
      const f = fieldById.get(id);
      if (f) return f.label[lang] || f.label.en;
      if (SETUP_FIELDS[id]) return t(SETUP_FIELDS[id]);
      return id;
    },
    [fieldById, lang, t],
  );
  const stepOf = (field: string): Step => fieldById.get(field)?.step ?? (SETUP_FIELDS[field] ? 'setup' : 'review');
  const items = checkItems(r.check);
  const blockingIn = (s: Step) => items.filter((i) => i.severity !== 'warning' && stepOf(i.field) === s).length;
  const statusOf = (field: string): FieldStatus[] => items.filter((i) => i.field === field);

  // What the form holds now (unsaved values included) decides which fields are required.
  const current: Record<string, unknown> = { ...content };
  for (const f of type.fields) {
    const input = inputs[f.id];
    if (input) current[f.id] = fromInput(f.kind, input, zone);
  }

  const index = steps.indexOf(step);
  const prev = steps[index - 1];
  const next = steps[index + 1];
  const title = type.title[lang] || type.title.en;

  const onSubmitStep = (e: FormEvent) => {
    e.preventDefault();
    if (next) void goTo(next);
    else void save();
  };

  const doSubmit = async () => {
    if (!(await save())) return;
    try {
      await submit.mutateAsync({ event: 'submit', version: base.current.version });
      void navigate(`/requests/${r.id}`);
    } catch {
      // shown by ErrorAlert
    }
  };

  return (
    <Page title={t('wizard.title', { reference: r.reference })}>
      <p className="muted">
        {title} · {t('wizard.to', { state: r.requestedState })} ·{' '}
        <Link to={`/requests/${r.id}`}>{t('wizard.openRequest')}</Link>
      </p>
      <nav aria-label={t('wizard.steps')} className="stepper">
        <ol>
          {steps.map((s, i) => {
            const n = blockingIn(s);
            return (
              <li key={s}>
                <button type="button" className={s === step ? 'step current' : 'step'} aria-current={s === step ? 'step' : undefined} onClick={() => void goTo(s)}>
                  <span className="step-n">{i + 1}</span> {labels.step(s)}
                  {n > 0 ? <span className="badge tone-warn">{t('wizard.stepMissing', { count: n })}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="wizard">
        <div className="wizard-main">
          <section className="card" aria-labelledby="step-h">
            <h2 id="step-h" ref={stepHeading} tabIndex={-1}>
              {t('wizard.stepOf', { n: index + 1, total: steps.length })}: {labels.step(step)}
            </h2>
            {step === 'setup' ? <SetupStep r={r} type={type} onNext={() => next && void goTo(next)} /> : null}
            {step !== 'setup' && step !== 'review' ? (
              <form className="form" onSubmit={onSubmitStep} noValidate aria-labelledby="step-h">
                {type.fields
                  .filter((f) => f.step === step)
                  .map((f) => (
                    <RequestField
                      key={f.id}
                      field={f}
                      value={inputs[f.id] ?? toInput(f.kind, undefined, zone)}
                      onChange={(v) => setInputs((p) => ({ ...p, [f.id]: v }))}
                      required={isRequired(f, current)}
                      status={statusOf(f.id)}
                      error={patch.error}
                      zone={zone}
                    />
                  ))}
                <ErrorAlert error={patch.error} />
                <div className="actions">
                  {prev ? (
                    <button type="button" onClick={() => void goTo(prev)} disabled={patch.isPending}>
                      {t('wizard.back')}
                    </button>
                  ) : null}
                  <button type="button" onClick={() => void save()} disabled={patch.isPending || !dirty}>
                    {t('common.save')}
                  </button>
                  {next ? (
                    <button type="submit" className="button-primary" disabled={patch.isPending}>
                      {t('wizard.saveNext')}
                    </button>
                  ) : null}
                </div>
              </form>
            ) : null}
            {step === 'review' ? (
              <div className="form">
                <p>{t('wizard.review.intro')}</p>
                <p>
                  <a className="button" href={letterUrl(r.id)} target="_blank" rel="noopener noreferrer">
                    {t('wizard.preview')}
                    <span className="visually-hidden"> {t('common.newTab')}</span>
                  </a>
                </p>
                <ErrorAlert error={submit.error ?? patch.error} />
                {r.check && !r.check.complete ? <Notice kind="warning">{t('wizard.review.incomplete')}</Notice> : null}
                <div className="actions">
                  {prev ? (
                    <button type="button" onClick={() => void goTo(prev)}>
                      {t('wizard.back')}
                    </button>
                  ) : null}
                  <button type="button" className="button-primary" onClick={() => void doSubmit()} disabled={submit.isPending || patch.isPending || !r.commands.includes('submit')}>
                    {t('wizard.submit')}
                  </button>
                </div>
                <p className="muted small">{t('wizard.submit.hint')}</p>
              </div>
            ) : null}
            <p role="status" className="muted small save-status">
              {patch.isPending ? t('wizard.saving') : dirty ? t('wizard.unsaved') : savedAt ? t('wizard.savedAt', { time: dateTime(savedAt) }) : ''}
            </p>
          </section>
          {step === 'review' && r.check ? <TailoringPanel tailoring={r.check.tailoring} requestedState={r.requestedState} draftingLanguage={r.draftingLanguage} fieldLabel={fieldLabel} /> : null}
          {step === 'review' ? (
            <section className="card" aria-labelledby="review-content-h">
              <h2 id="review-content-h">{t('wizard.review.content')}</h2>
              <ContentView type={type} content={content} />
            </section>
          ) : null}
        </div>
        <div className="wizard-aside">
          <CompletenessPanel check={r.check} fieldLabel={fieldLabel} onSelect={(f) => void goTo(stepOf(f), f)} />
        </div>
      </div>
    </Page>
  );
}
