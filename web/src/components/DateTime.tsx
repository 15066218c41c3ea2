import { useI18n } from '../i18n/I18nProvider.tsx';

/** A moment in the chosen time zone (with its name), machine-readable and with the UTC time as a tooltip. */
export function DateTime({ value }: { value: string | null | undefined }) {
  const { dateTime, t } = useI18n();
  if (!value) return <span className="muted">{t('common.none')}</span>;
  return (
    <time dateTime={value} title={`${value.replace('T', ' ').replace(/\.\d+Z$/, 'Z')} (UTC)`}>
      {dateTime(value)}
    </time>
  );
}
