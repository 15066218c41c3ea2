/** The six official languages of the United Nations, in the order of their English names. */
export const LANGUAGES = [
  { code: 'ar', name: 'العربية', locale: 'ar', dir: 'rtl' },
  { code: 'zh', name: '中文', locale: 'zh-Hans-CN', dir: 'ltr' },
  { code: 'en', name: 'English', locale: 'en-GB', dir: 'ltr' },
  { code: 'fr', name: 'Français', locale: 'fr-FR', dir: 'ltr' },
  { code: 'ru', name: 'Русский', locale: 'ru-RU', dir: 'ltr' },
  { code: 'es', name: 'Español', locale: 'es-ES', dir: 'ltr' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && LANGUAGES.some((l) => l.code === v);
}

export function languageInfo(code: Language): (typeof LANGUAGES)[number] {
  return LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[2];
}

/** The best language for a browser's preference list (`navigator.languages`), or English. */
export function fromPreferences(prefs: readonly string[]): Language {
  for (const p of prefs) {
    const base = p.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}
