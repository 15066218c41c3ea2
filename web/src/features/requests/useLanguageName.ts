import { useMemo } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** "English", "anglais", "الإنجليزية": a language code's name in the user's language (Intl), or the code. */
export function useLanguageName(): (code: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    return (code: string) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}

/** A State's name from the directory, with its code: "Borduria (XB)". */
export function stateLabel(code: string, names: ReadonlyMap<string, string>): string {
  const n = names.get(code);
  return n && n !== code ? `${n} (${code})` : code;
}
