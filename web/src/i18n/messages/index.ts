import type { Messages } from '../catalogue.ts';
import type { Language } from '../languages.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ru } from './ru.ts';
import { zh } from './zh.ts';

/** Every catalogue, by language code. Adding a module's screens adds its keys to all six files. */
export const CATALOGUES: Record<Language, Messages> = { ar, zh, en, fr, ru, es };
