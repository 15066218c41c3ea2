import type { RequestType } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** What a type implies for the drafter: where it goes, whether an authorizer must approve it, whether it is urgent. */
export function TypeBadges({ type }: { type: Pick<RequestType, 'routing' | 'intrusive' | 'emergency'> }) {
  const { t } = useI18n();
  return (
    <>
      <span className="badge tone-neutral">{type.routing === 'contact_point_24_7' ? t('type.routing.247') : t('type.routing.ca')}</span>
      {type.intrusive ? <span className="badge tone-warn">{t('type.intrusive')}</span> : null}
      {type.emergency ? <span className="badge tone-bad">{t('type.emergency')}</span> : null}
    </>
  );
}
