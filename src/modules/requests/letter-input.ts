import { UI_LANGUAGES, WIZARD_STEPS, type FieldDefinition, type Localized, type RequestTypeDefinition, type UiLanguage, type WizardStep } from './model.ts';
import type { RequestRecord } from './store.ts';

/**
 * Turns a request into the sections of its formal letter, in the drafting language: every field that has a
 * value, grouped by wizard step, with its label, formatted for paper. Pure.
 */

const YES: Localized = { ar: 'نعم', en: 'Yes', es: 'Sí', fr: 'Oui', ru: 'Да', zh: '是' };
const NO: Localized = { ar: 'لا', en: 'No', es: 'No', fr: 'Non', ru: 'Нет', zh: '否' };

export const STEP_HEADINGS: Record<WizardStep, Localized> = {
  authority: { ar: 'السلطة الطالبة', en: 'Requesting authority', es: 'Autoridad requirente', fr: 'Autorité requérante', ru: 'Запрашивающий орган', zh: '请求机关' },
  facts: { ar: 'الوقائع والجرائم', en: 'Facts and offences', es: 'Hechos y delitos', fr: 'Faits et infractions', ru: 'Факты и преступления', zh: '事实和犯罪' },
  persons: { ar: 'الأشخاص المعنيون', en: 'Persons concerned', es: 'Personas afectadas', fr: 'Personnes concernées', ru: 'Затрагиваемые лица', zh: '有关人员' },
  assistance: { ar: 'المساعدة المطلوبة', en: 'Assistance sought', es: 'Asistencia solicitada', fr: 'Assistance demandée', ru: 'Запрашиваемая помощь', zh: '所请求的协助' },
  safeguards: { ar: 'الضمانات', en: 'Safeguards', es: 'Salvaguardias', fr: 'Garanties', ru: 'Гарантии', zh: '保障措施' },
  handling: { ar: 'المعالجة والسرية', en: 'Handling and confidentiality', es: 'Tramitación y confidencialidad', fr: 'Traitement et confidentialité', ru: 'Порядок обработки и конфиденциальность', zh: '处理和保密' },
};

/** The addressee, by the node a type is routed to. */
export const ADDRESSEE: Record<'central_authority' | 'contact_point_24_7', Localized> = {
  central_authority: { ar: 'السلطة المركزية', en: 'Central authority', es: 'Autoridad central', fr: 'Autorité centrale', ru: 'Центральный орган', zh: '中央机关' },
  contact_point_24_7: { ar: 'جهة الاتصال العاملة على مدار الساعة', en: '24/7 point of contact', es: 'Punto de contacto 24/7', fr: 'Point de contact 24/7', ru: 'Круглосуточный контактный пункт', zh: '全天候联络点' },
};

/** How to check the receipt printed on the letter. */
export const VERIFY_HINT: Localized = {
  ar: 'للتحقق: comity ledger receipt-verify مع الإيصال من GET /api/v1/ledger/receipts/{index}',
  en: 'To verify: comity ledger receipt-verify with the receipt from GET /api/v1/ledger/receipts/{index}',
  es: 'Para verificar: comity ledger receipt-verify con el recibo de GET /api/v1/ledger/receipts/{index}',
  fr: 'Vérification : comity ledger receipt-verify avec le reçu de GET /api/v1/ledger/receipts/{index}',
  ru: 'Проверка: comity ledger receipt-verify с квитанцией из GET /api/v1/ledger/receipts/{index}',
  zh: '验证：使用 GET /api/v1/ledger/receipts/{index} 的收据运行 comity ledger receipt-verify',
};

export function letterLanguage(lang: string): UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(lang) ? (lang as UiLanguage) : 'en';
}

function optionLabel(f: FieldDefinition, v: string, lang: UiLanguage): string {
  const i = f.options?.indexOf(v) ?? -1;
  const l = i >= 0 ? f.optionLabels?.[i] : undefined;
  return l ? l[lang] : v;
}

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** A field's value as text for the letter. */
export function formatValue(f: FieldDefinition, v: unknown, lang: UiLanguage): string {
  if (v === undefined || v === null) return '';
  switch (f.kind) {
    case 'boolean':
      return v === true ? YES[lang] : NO[lang];
    case 'choice':
      return typeof v === 'string' ? optionLabel(f, v, lang) : String(v);
    case 'choices':
      return Array.isArray(v) ? v.map((x) => optionLabel(f, String(x), lang)).join('; ') : String(v);
    case 'list':
    case 'offences':
      return Array.isArray(v) ? v.map(String).join('; ') : String(v);
    case 'period': {
      const p = record(v);
      return p ? `${String(p.from ?? '')} – ${String(p.to ?? '')}` : String(v);
    }
    case 'persons':
    case 'assets':
      if (!Array.isArray(v)) return String(v);
      return v
        .map((x) => {
          const o = record(x);
          if (!o) return String(x);
          return Object.entries(o)
            .filter(([, val]) => val !== null && val !== undefined && val !== '')
            .map(([k, val]) => `${k}: ${typeof val === 'object' ? JSON.stringify(val) : String(val)}`)
            .join(', ');
        })
        .join('\n');
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
}

export function letterSections(def: RequestTypeDefinition, r: RequestRecord, lang: UiLanguage): { heading: string; rows: { label: string; value: string }[] }[] {
  const out: { heading: string; rows: { label: string; value: string }[] }[] = [];
  for (const stepId of WIZARD_STEPS) {
    const rows = def.fields
      .filter((f) => f.step === stepId)
      .map((f) => ({ label: f.label[lang], value: formatValue(f, r.content[f.id], lang) }))
      .filter((row) => row.value.trim() !== '');
    if (rows.length > 0) out.push({ heading: STEP_HEADINGS[stepId][lang], rows });
  }
  return out;
}
