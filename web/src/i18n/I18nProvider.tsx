import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { interpolate, type MessageKey } from './catalogue.ts';
import { fromPreferences, isLanguage, languageInfo, type Language } from './languages.ts';
import { CATALOGUES } from './messages/index.ts';

const LANG_KEY = 'comity.lang';
const TZ_KEY = 'comity.timeZone';

export interface I18n {
  lang: Language;
  dir: 'ltr' | 'rtl';
  locale: string;
  setLang(lang: Language): void;
  /** The time zone dates are shown in: `null` means this device's zone. */
  timeZone: string | null;
  setTimeZone(tz: string | null): void;
  /** The zone actually used (the device's when `timeZone` is null). */
  effectiveTimeZone: string;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Date and time with the time zone's name, e.g. "3 Mar 2026, 14:05 CET". */
  dateTime(iso: string | Date): string;
  date(iso: string | Date): string;
  number(n: number): string;
}

const Ctx = createContext<I18n | null>(null);

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** `?lang=xx` (a shared link) wins and is remembered; then the remembered choice; then the browser's languages. */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (isLanguage(fromUrl)) {
    storage()?.setItem(LANG_KEY, fromUrl);
    return fromUrl;
  }
  const saved = storage()?.getItem(LANG_KEY);
  if (isLanguage(saved)) return saved;
  return fromPreferences(globalThis.navigator?.languages ?? []);
}

function validZone(tz: string | null | undefined): string | null {
  if (!tz) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const [timeZone, setTz] = useState<string | null>(() => validZone(storage()?.getItem(TZ_KEY)));
  const info = languageInfo(lang);

  useEffect(() => {
    const html = document.documentElement;
    html.lang = info.code;
    html.dir = info.dir;
  }, [info]);

  // A `?lang=` link opened in a running tab (client-side navigation) also switches.
  useEffect(() => {
    const onPop = () => {
      const v = new URLSearchParams(location.search).get('lang');
      if (isLanguage(v)) setLangState(v);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const setLang = useCallback((l: Language) => {
    storage()?.setItem(LANG_KEY, l);
    setLangState(l);
  }, []);
  const setTimeZone = useCallback((tz: string | null) => {
    const v = validZone(tz);
    if (v) storage()?.setItem(TZ_KEY, v);
    else storage()?.removeItem(TZ_KEY);
    setTz(v);
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[lang];
    const effectiveTimeZone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const dtf = new Intl.DateTimeFormat(info.locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: effectiveTimeZone,
      timeZoneName: 'short',
    });
    const df = new Intl.DateTimeFormat(info.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const nf = new Intl.NumberFormat(info.locale);
    return {
      lang,
      dir: info.dir,
      locale: info.locale,
      setLang,
      timeZone,
      setTimeZone,
      effectiveTimeZone,
      t: (key, vars) => interpolate(messages[key] ?? CATALOGUES.en[key] ?? key, vars),
      dateTime: (d) => dtf.format(typeof d === 'string' ? new Date(d) : d),
      // Calendar dates (YYYY-MM-DD: a date of birth) have no time zone: shown as written, in UTC.
      date: (d) => df.format(typeof d === 'string' ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : d),
      number: (n) => nf.format(n),
    };
  }, [lang, info, timeZone, setLang, setTimeZone]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
