import { invalid } from '../../../platform/errors.ts';
import type { LetterLabels, LetterLanguage } from './types.ts';

/**
 * The fixed words of a formal letter in the six UN languages. Callers may override any of them (`input.labels`),
 * e.g. to follow a central authority's house style; the rest falls back to these.
 */
export const DEFAULT_LABELS: Readonly<Record<LetterLanguage, LetterLabels>> = Object.freeze({
  en: {
    date: 'Date',
    ourReference: 'Our reference',
    yourReference: 'Your reference',
    notYetAssigned: 'not yet assigned',
    requestId: 'Request identifier',
    from: 'From',
    to: 'To',
    continued: '(continued)',
    emptyValue: '—',
    signature: 'Signature and seal',
    authorizedBy: 'Authorized by',
    decision: 'Decision',
    ledgerReceipt: 'Ledger receipt',
    ledgerIndex: 'Ledger entry',
    checkpoint: 'Signed checkpoint',
    receiptPending: 'This request is not yet recorded in the ledger: this copy cannot be verified.',
    page: 'Page {page} / {pages}',
  },
  fr: {
    date: 'Date',
    ourReference: 'Notre référence',
    yourReference: 'Votre référence',
    notYetAssigned: 'pas encore attribuée',
    requestId: 'Identifiant de la demande',
    from: 'Expéditeur',
    to: 'Destinataire',
    continued: '(suite)',
    emptyValue: '—',
    signature: 'Signature et sceau',
    authorizedBy: 'Autorisée par',
    decision: 'Décision',
    ledgerReceipt: 'Reçu du registre',
    ledgerIndex: 'Entrée du registre',
    checkpoint: 'Point de contrôle signé',
    receiptPending: 'Cette demande n’est pas encore inscrite au registre : cette copie ne peut pas être vérifiée.',
    page: 'Page {page} / {pages}',
  },
  es: {
    date: 'Fecha',
    ourReference: 'Nuestra referencia',
    yourReference: 'Su referencia',
    notYetAssigned: 'aún no asignada',
    requestId: 'Identificador de la solicitud',
    from: 'Remitente',
    to: 'Destinatario',
    continued: '(continuación)',
    emptyValue: '—',
    signature: 'Firma y sello',
    authorizedBy: 'Autorizada por',
    decision: 'Decisión',
    ledgerReceipt: 'Recibo del registro',
    ledgerIndex: 'Entrada del registro',
    checkpoint: 'Punto de control firmado',
    receiptPending: 'Esta solicitud aún no consta en el registro: esta copia no puede verificarse.',
    page: 'Página {page} / {pages}',
  },
  ru: {
    date: 'Дата',
    ourReference: 'Наш номер',
    yourReference: 'Ваш номер',
    notYetAssigned: 'ещё не присвоен',
    requestId: 'Идентификатор запроса',
    from: 'Отправитель',
    to: 'Получатель',
    continued: '(продолжение)',
    emptyValue: '—',
    signature: 'Подпись и печать',
    authorizedBy: 'Санкционировал',
    decision: 'Решение',
    ledgerReceipt: 'Квитанция реестра',
    ledgerIndex: 'Запись реестра',
    checkpoint: 'Подписанная контрольная точка',
    receiptPending: 'Запрос ещё не внесён в реестр: подлинность этой копии нельзя проверить.',
    page: 'Страница {page} / {pages}',
  },
  ar: {
    date: 'التاريخ',
    ourReference: 'مرجعنا',
    yourReference: 'مرجعكم',
    notYetAssigned: 'لم يحدد بعد',
    requestId: 'معرف الطلب',
    from: 'من',
    to: 'إلى',
    continued: '(تابع)',
    emptyValue: '—',
    signature: 'التوقيع والختم',
    authorizedBy: 'أذن به',
    decision: 'القرار',
    ledgerReceipt: 'إيصال السجل',
    ledgerIndex: 'قيد السجل',
    checkpoint: 'نقطة التحقق الموقعة',
    receiptPending: 'لم يقيد هذا الطلب في السجل بعد: لا يمكن التحقق من هذه النسخة.',
    page: 'الصفحة {page} / {pages}',
  },
  zh: {
    date: '日期',
    ourReference: '我方编号',
    yourReference: '贵方编号',
    notYetAssigned: '尚未分配',
    requestId: '请求标识',
    from: '发件方',
    to: '收件方',
    continued: '（续）',
    emptyValue: '—',
    signature: '签名和印章',
    authorizedBy: '批准人',
    decision: '决定',
    ledgerReceipt: '账本回执',
    ledgerIndex: '账本条目',
    checkpoint: '已签名检查点',
    receiptPending: '本请求尚未记入账本：本副本无法验证。',
    page: '第 {page} / {pages} 页',
  },
} satisfies Record<LetterLanguage, LetterLabels>);

const LABEL_KEYS = Object.keys(DEFAULT_LABELS.en) as (keyof LetterLabels)[];

/**
 * The labels of a letter: the language's defaults with the caller's overrides on top. Throws `validation_failed`
 * when an override is not a non-empty string, or when the page label loses its `{page}`/`{pages}` slots (the
 * footer would then print a number nobody can read).
 */
export function resolveLabels(language: LetterLanguage, overrides: Partial<LetterLabels> | undefined): LetterLabels {
  const labels: Record<keyof LetterLabels, string> = { ...DEFAULT_LABELS[language] };
  for (const key of LABEL_KEYS) {
    const given: unknown = overrides?.[key];
    if (given === undefined) continue;
    if (typeof given !== 'string' || given.trim() === '') throw invalid(`labels.${key}`, 'must be a non-empty string');
    labels[key] = given;
  }
  if (!labels.page.includes('{page}') || !labels.page.includes('{pages}'))
    throw invalid('labels.page', 'must contain {page} and {pages}');
  return labels;
}

/** The footer's page label, e.g. "Page 2 / 5". */
export function pageLabel(labels: LetterLabels, page: number, pages: number): string {
  return labels.page.replaceAll('{pages}', String(pages)).replaceAll('{page}', String(page));
}
