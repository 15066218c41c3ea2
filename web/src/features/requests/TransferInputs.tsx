import type { RequestDetail } from '../../api/client.ts';
import { SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDirectory } from '../directory/api.ts';
import type { CommandValues } from './command-body.ts';
import type { SetValues } from './CommandPanel.tsx';
import { YesNo } from './YesNo.tsx';

/**
 * Onward transfer of results to a third State (DOMAIN §5): asking the requested State's prior authorization,
 * deciding on such a request, and recording a transfer once authorized.
 */
export function TransferInputs({ r, event, values: v, set, error }: { r: RequestDetail; event: 'onward_transfer_request' | 'record_onward_transfer' | 'onward_transfer_decision'; values: CommandValues; set: SetValues; error: unknown }) {
  const { t } = useI18n();
  const directory = useDirectory();
  if (event === 'onward_transfer_request') {
    const third = Object.entries(directory.data?.states ?? {}).filter(([code]) => code !== r.requestingState && code !== r.requestedState);
    return (
      <>
        {third.length > 0 ? (
          <SelectField
            label={t('transfer.thirdState')}
            pointer="/thirdState"
            error={error}
            required
            value={v.thirdState}
            onChange={(x) => set({ thirdState: x })}
            options={[{ value: '', label: t('wizard.choose') }, ...third.map(([code, s]) => ({ value: code, label: `${s.name} (${code})` }))]}
          />
        ) : (
          <TextField label={t('transfer.thirdState')} hint={t('newRequest.state.code')} pointer="/thirdState" error={error} required value={v.thirdState} onChange={(x) => set({ thirdState: x })} maxLength={2} dir="ltr" />
        )}
        <TextField label={t('transfer.recipient')} pointer="/recipient" error={error} required value={v.recipient} onChange={(x) => set({ recipient: x })} maxLength={500} />
        <TextArea label={t('transfer.purpose')} pointer="/purpose" error={error} required value={v.purpose} onChange={(x) => set({ purpose: x })} rows={3} />
      </>
    );
  }
  const wanted = event === 'record_onward_transfer' ? 'authorized' : 'requested';
  const options = r.transfers.filter((x) => x.status === wanted);
  return (
    <>
      <SelectField
        label={t('transfer.which')}
        pointer="/transferId"
        error={error}
        required
        value={v.transferId}
        onChange={(x) => set({ transferId: x })}
        options={[{ value: '', label: t('wizard.choose') }, ...options.map((x) => ({ value: x.id, label: `${x.thirdState} — ${x.recipient}` }))]}
      />
      {event === 'onward_transfer_decision' ? (
        <>
          <YesNo legend={t('transfer.authorize')} name="transfer-authorized" value={v.authorized} onChange={(x) => set({ authorized: x })} required error={error} pointer="/authorized" />
          <TextArea label={t('decide.reasons')} pointer="/reasons" error={error} value={v.reasons} onChange={(x) => set({ reasons: x })} required={v.authorized === 'no'} rows={3} />
        </>
      ) : null}
    </>
  );
}
