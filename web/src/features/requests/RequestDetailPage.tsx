import { Link, useNavigate, useParams } from 'react-router';
import type { RequestDetail, RequestType } from '../../api/client.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useStateNames } from '../directory/api.ts';
import { AccessLogSection } from './AccessLog.tsx';
import { letterUrl, useRequest, useRequestType } from './api.ts';
import { ClocksTable } from './ClocksTable.tsx';
import { CommandPanel } from './CommandPanel.tsx';
import { CompletenessPanel } from './CompletenessPanel.tsx';
import { ContentView } from './ContentView.tsx';
import { useRequestLabels } from './labels.ts';
import { ConsultationSection, DecisionSection, ResultsSection, TransfersSection } from './Outcomes.tsx';
import { StateBadge } from './StateBadge.tsx';
import { TailoringPanel } from './TailoringPanel.tsx';
import { Timeline } from './Timeline.tsx';
import { TypeBadges } from './TypeBadges.tsx';
import { stateLabel, useLanguageName } from './useLanguageName.ts';

function Overview({ r, type }: { r: RequestDetail; type: RequestType | undefined }) {
  const { t, lang, number } = useI18n();
  const labels = useRequestLabels();
  const names = useStateNames();
  const languageName = useLanguageName();
  return (
    <dl className="facts">
      <dt>{t('request.state')}</dt>
      <dd>
        <span data-testid="request-state">
          <StateBadge state={r.state} />
        </span>
        {r.outcome ? <span className="muted"> — {labels.outcome(r.outcome)}</span> : null}
      </dd>
      <dt>{t('request.type')}</dt>
      <dd>
        {type ? type.title[lang] || type.title.en : r.typeId} {type ? <TypeBadges type={type} /> : null}
      </dd>
      <dt>{t('request.direction')}</dt>
      <dd>{labels.side(r.side)}</dd>
      <dt>{t('request.reference')}</dt>
      <dd><span dir="ltr">{r.reference}</span></dd>
      <dt>{t('request.theirReference')}</dt>
      <dd><span dir="ltr">{r.theirReference ?? t('common.none')}</span></dd>
      <dt>{t('request.requestingState')}</dt>
      <dd>{stateLabel(r.requestingState, names)}</dd>
      <dt>{t('request.requestedState')}</dt>
      <dd>{stateLabel(r.requestedState, names)}</dd>
      <dt>{t('request.language')}</dt>
      <dd>{languageName(r.draftingLanguage)}</dd>
      {r.caseId ? (
        <>
          <dt>{t('request.case')}</dt>
          <dd>
            <Link to={`/cases/${r.caseId}`}>{t('request.openCase')}</Link>
          </dd>
        </>
      ) : null}
      {r.linkedRequestId ? (
        <>
          <dt>{t('newRequest.linked')}</dt>
          <dd>
            <Link to={`/requests/${r.linkedRequestId}`} dir="ltr">
              {r.linkedReference ?? r.linkedRequestId}
            </Link>
          </dd>
        </>
      ) : null}
      <dt>{t('request.created')}</dt>
      <dd>
        <DateTime value={r.createdAt} />
      </dd>
      <dt>{t('request.transmitted')}</dt>
      <dd>
        <DateTime value={r.transmittedAt} />
      </dd>
      {r.closedAt ? (
        <>
          <dt>{t('request.closed')}</dt>
          <dd>
            <DateTime value={r.closedAt} />
          </dd>
        </>
      ) : null}
      {r.counterpartNode ? (
        <>
          <dt>{t('request.counterpart')}</dt>
          <dd>
            <code dir="ltr">{r.counterpartNode}</code>
          </dd>
        </>
      ) : null}
      <dt>{t('case.version')}</dt>
      <dd>{number(r.version)}</dd>
    </dl>
  );
}

function AuthorizationFacts({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const a = r.authorization;
  if (typeof a !== 'object' || a === null) return null;
  const o = a as Record<string, unknown>;
  const decision = typeof o.decision === 'object' && o.decision !== null ? (o.decision as Record<string, unknown>) : null;
  return (
    <Section id="authorization" title={t('authorization.title')}>
      <dl className="facts">
        {typeof o.byName === 'string' ? (
          <>
            <dt>{t('authorization.by')}</dt>
            <dd><span dir="ltr">{o.byName}</span></dd>
          </>
        ) : null}
        {typeof o.role === 'string' ? (
          <>
            <dt>{t('timeline.role')}</dt>
            <dd><span dir="ltr">{o.role}</span></dd>
          </>
        ) : null}
        {typeof o.at === 'string' ? (
          <>
            <dt>{t('authorization.at')}</dt>
            <dd>
              <DateTime value={o.at} />
            </dd>
          </>
        ) : null}
        {decision ? (
          <>
            <dt>{t('command.input.decision')}</dt>
            <dd dir="auto">{[decision.reference, decision.authority, decision.date].filter((x) => typeof x === 'string' && x).join(', ')}</dd>
          </>
        ) : null}
        {typeof o.note === 'string' && o.note ? (
          <>
            <dt>{t('command.input.note')}</dt>
            <dd className="prewrap" dir="auto">
              {o.note}
            </dd>
          </>
        ) : null}
      </dl>
    </Section>
  );
}

/**
 * One request, as this user may see it: overview, the actions the node allows now, its legal clocks, decision,
 * consultation, results and onward transfers, the timeline with ledger entries, the content and (for oversight and
 * the central authority) the access log. Updated live: a change pushed by the node refreshes it in place.
 */
export function RequestDetailPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useRequest(id);
  const type = useRequestType(q.data?.typeId);
  if (q.isPending) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const typeTitle = type.data ? type.data.title[lang] || type.data.title.en : r.typeId;
  const full = r.view === 'full';
  const editable = r.state === 'draft' && r.abilities.includes('request.edit');
  return (
    <Page
      title={`${r.reference} — ${typeTitle}`}
      actions={
        <>
          {editable ? (
            <Link className="button button-primary" to={`/requests/${r.id}/draft`}>
              {t('request.continueDrafting')}
            </Link>
          ) : null}
          {full ? (
            <a className="button" href={letterUrl(r.id)} target="_blank" rel="noopener noreferrer">
              {t('request.letter')}
              <span className="visually-hidden"> {t('common.newTab')}</span>
            </a>
          ) : null}
        </>
      }
    >
      {!full ? <Notice>{t('request.metadataNotice')}</Notice> : null}
      {r.facts.confidentialityRequested ? (
        <Notice kind="warning">
          {t('request.confidential')}
          {r.facts.confidentiality ? ` ${r.facts.confidentiality === 'kept' ? t('request.confidential.kept') : t('request.confidential.notKept')}` : ''}
        </Notice>
      ) : null}
      <Section id="overview" title={t('case.overview')}>
        <Overview r={r} type={type.data} />
      </Section>
      <CommandPanel r={r} type={type.data} />
      {r.check ? (
        <div className="grid">
          <CompletenessPanel
            check={r.check}
            fieldLabel={(f) => type.data?.fields.find((x) => x.id === f)?.label[lang] ?? f}
            onSelect={editable ? (f) => void navigate(`/requests/${r.id}/draft?step=${type.data?.fields.find((x) => x.id === f)?.step ?? 'setup'}&focus=${encodeURIComponent(f)}`) : undefined}
          />
        </div>
      ) : null}
      {r.check ? <TailoringPanel tailoring={r.check.tailoring} requestedState={r.requestedState} draftingLanguage={r.draftingLanguage} fieldLabel={(f) => type.data?.fields.find((x) => x.id === f)?.label[lang] ?? f} /> : null}
      <ClocksTable r={r} />
      <DecisionSection r={r} />
      <ConsultationSection r={r} />
      <ResultsSection r={r} />
      <TransfersSection r={r} />
      <AuthorizationFacts r={r} />
      <Timeline r={r} fieldLabel={(f) => type.data?.fields.find((x) => x.id === f)?.label[lang] ?? f} />
      {full && r.content && type.data ? (
        <Section id="content" title={t('request.content')}>
          <ContentView type={type.data} content={r.content} />
        </Section>
      ) : null}
      <AccessLogSection r={r} />
    </Page>
  );
}
