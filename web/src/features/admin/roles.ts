import type { Role } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The roles of DESIGN §7, in the order the node lists them. */
export const ROLES: readonly Role[] = ['admin', 'central_authority', 'duty_officer', 'investigator', 'prosecutor', 'authorizer', 'oversight', 'secretariat'];

export function useRoleLabel(): (r: Role) => string {
  const { t } = useI18n();
  return (r) => t(`role.${r}` satisfies MessageKey);
}
