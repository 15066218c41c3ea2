import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { RequestDetail, RequestType } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCommand } from './api.ts';
import { USER_COMMANDS, emptyValues, eventBody, isConfirmOnly, isDestructive, type CommandValues, type UserCommand } from './command-body.ts';
import { DecideInputs } from './DecideInputs.tsx';
import { ResultsInputs } from './ResultsInputs.tsx';
import { TransferInputs } from './TransferInputs.tsx';
import { isOneOf } from './vocabulary.ts';
import { YesNo } from './YesNo.tsx';

export type SetValues = (patch: Partial<CommandValues>) => void;

/** Whether authorizing this request must cite the judicial or independent decision it rests on. */
export function needsDecision(r: RequestDetail, type: RequestType | undefined): boolean {
  return r.facts.intrusive || (type?.safeguards.includes('judicial_authorization') ?? false);
}

/** The latest value of a detail of a history event (e.g. the questions of the last `request_info`). */
function lastDetail(r: RequestDetail, events: readonly string[], key: string): string | null {
  for (const e of [...r.history].reverse()) {
    if (!events.includes(e.event)) continue;
    const v = e.details[key];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

function CommandForm({ r, type, event, onClose }: { r: RequestDetail; type: RequestType | undefined; event: UserCommand; onClose(): void }) {
  const { t } = useI18n();
  const name = useId();
  const cmd = useCommand(r.id);
  const [v, setV] = useState<CommandValues>(emptyValues);
  const set: SetValues = (p) => setV((x) => ({ ...x, ...p }));
  const first = useRef<HTMLFormElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  }, []);
  const decision = needsDecision(r, type);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    cmd.mutate(eventBody(event, r.version, v, { needsDecision: decision }), { onSuccess: onClose });
  };
  const err = cmd.error;
  const label = t(`command.${event}` satisfies MessageKey);
  const questions = event === 'provide_info' ? lastDetail(r, ['info_requested', 'request_info'], 'questions') : null;
  return (
    <form ref={first} className="card form command-form" onSubmit={submit} noValidate aria-label={label}>
      <p>{t(`command.help.${event}` satisfies MessageKey)}</p>
      {event === 'return_to_draft' || event === 'record_no_consultation' ? (
        <TextArea label={t('command.input.reason')} pointer="/reason" error={err} value={v.reason} onChange={(x) => set({ reason: x })} required rows={3} />
      ) : null}
      {event === 'withdraw' || event === 'no_longer_required' ? <TextArea label={t('command.input.reason')} pointer="/reason" error={err} value={v.reason} onChange={(x) => set({ reason: x })} rows={3} /> : null}
      {event === 'authorize' ? (
        <>
          {decision ? (
            <fieldset className="field">
              <legend>{t('command.input.decision')}</legend>
              <p className="hint">{t('command.input.decision.hint')}</p>
              <TextField label={t('command.input.decision.reference')} pointer="/decision/reference" error={err} value={v.decisionReference} onChange={(x) => set({ decisionReference: x })} required maxLength={500} />
              <TextField label={t('command.input.decision.authority')} pointer="/decision/authority" error={err} value={v.decisionAuthority} onChange={(x) => set({ decisionAuthority: x })} required maxLength={500} />
              <TextField label={t('command.input.decision.date')} type="date" pointer="/decision/date" error={err} value={v.decisionDate} onChange={(x) => set({ decisionDate: x })} required dir="ltr" />
            </fieldset>
          ) : null}
          <TextArea label={t('command.input.note')} pointer="/note" error={err} value={v.note} onChange={(x) => set({ note: x })} rows={2} />
        </>
      ) : null}
      {event === 'provide_info' ? (
        <>
          {questions ? (
            <div className="quote">
              <p className="muted small">{t('command.input.questionsAsked')}</p>
              <p className="prewrap" dir="auto">
                {questions}
              </p>
            </div>
          ) : null}
          <TextArea label={t('command.input.answer')} pointer="/answer" error={err} value={v.answer} onChange={(x) => set({ answer: x })} required rows={5} />
        </>
      ) : null}
      {event === 'request_info' ? <TextArea label={t('command.input.questions')} hint={t('command.input.questions.hint')} pointer="/questions" error={err} value={v.questions} onChange={(x) => set({ questions: x })} required rows={5} /> : null}
      {event === 'answer_confidentiality' ? (
        <>
          <YesNo legend={t('command.input.kept')} name={`${name}-kept`} value={v.kept} onChange={(x) => set({ kept: x })} required error={err} pointer="/kept" />
          <TextArea label={t('command.input.reason')} hint={t('command.input.kept.hint')} pointer="/reason" error={err} value={v.reason} onChange={(x) => set({ reason: x })} required={v.kept === 'no'} rows={3} />
        </>
      ) : null}
      {event === 'accept_conditions' && r.decision ? (
        <ul>
          {r.decision.conditions.map((c) => (
            <li key={c} className="prewrap" dir="auto">
              {c}
            </li>
          ))}
        </ul>
      ) : null}
      {event === 'decide' ? <DecideInputs r={r} values={v} set={set} error={err} /> : null}
      {event === 'send_results' ? <ResultsInputs type={type} values={v} set={set} error={err} /> : null}
      {event === 'onward_transfer_request' || event === 'record_onward_transfer' || event === 'onward_transfer_decision' ? (
        <TransferInputs r={r} event={event} values={v} set={set} error={err} />
      ) : null}
      <ErrorAlert error={err} />
      <div className="actions">
        <button type="submit" className={isDestructive(event) ? 'button-danger' : 'button-primary'} disabled={cmd.isPending}>
          {t('command.confirm', { action: label })}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      {isConfirmOnly(event) ? null : <p className="muted small">{t('command.recorded')}</p>}
    </form>
  );
}

/**
 * What this user may do now: exactly the `commands` the node lists (never more), each opening its form with the
 * inputs that event needs; the node's field errors appear next to the inputs, and a 409 (someone acted first)
 * above the buttons. One form is open at a time; closing it returns the focus to its button.
 */
export function CommandPanel({ r, type }: { r: RequestDetail; type: RequestType | undefined }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<UserCommand | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // Deciding on, or recording, an onward transfer needs one in that status (the lifecycle allows the event at any
  // time; without such a transfer the form would have nothing to choose).
  const commands = r.commands
    .filter((c): c is UserCommand => isOneOf(USER_COMMANDS, c))
    .filter((c) => (c === 'onward_transfer_decision' ? r.transfers.some((x) => x.status === 'requested') : c === 'record_onward_transfer' ? r.transfers.some((x) => x.status === 'authorized') : true));
  const close = (e: UserCommand) => {
    setOpen(null);
    requestAnimationFrame(() => buttons.current.get(e)?.focus());
  };
  return (
    <Section id="actions" title={t('command.title')}>
      {commands.length === 0 ? <p className="muted">{t('command.none')}</p> : null}
      {r.state === 'in_review' && !commands.includes('authorize') && r.abilities.includes('request.edit') ? <Notice>{t('command.fourEyes')}</Notice> : null}
      <div className="actions">
        {commands.map((c) => (
          <button
            key={c}
            ref={(el) => {
              if (el) buttons.current.set(c, el);
              else buttons.current.delete(c);
            }}
            type="button"
            className={isDestructive(c) ? 'button-danger' : c === commands[0] ? 'button-primary' : undefined}
            aria-expanded={open === c}
            onClick={() => setOpen(open === c ? null : c)}
          >
            {t(`command.${c}` satisfies MessageKey)}
          </button>
        ))}
      </div>
      {open ? <CommandForm key={open} r={r} type={type} event={open} onClose={() => close(open)} /> : null}
    </Section>
  );
}
