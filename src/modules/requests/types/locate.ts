/**
 * Locating a person through the 24/7 network (BC 35, UN 41 (?), UN 47 (?)): police-to-police cooperation that
 * asks where someone is, usually ahead of a request for arrest or a hearing. No coercive measure is taken, so no
 * dual criminality applies; the person must not be alerted when that is asked.
 */
import type { RequestTypeDefinition } from '../model.ts';
import { BASIC_HANDLING, CONTACT_POINT_CONTACT } from './blocks.ts';
import { defineType, field } from './define.ts';
import { investigationTitle, offences, summaryOfFacts } from './fields.ts';

export const personToLocate = field({
  id: 'personToLocate',
  kind: 'persons',
  step: 'persons',
  required: true,
  fromCase: 'persons',
  source: 'BC 35(1), UN 47 (?)',
  label: {
    ar: 'الشخص المراد تحديد مكانه',
    en: 'Person to locate',
    es: 'Persona que debe localizarse',
    fr: 'Personne à localiser',
    ru: 'Лицо, местонахождение которого необходимо установить',
    zh: '需查找下落的人员',
  },
  guidance: {
    ar: 'هوية الشخص وأي معرِّفات (هاتف، حسابات، مركبات) قد تساعد في العثور عليه.',
    en: 'Identity of the person and any identifiers (telephone, accounts, vehicles) that may help find them.',
    es: 'Identidad de la persona y cualquier identificador (teléfono, cuentas, vehículos) que pueda ayudar a encontrarla.',
    fr: 'Identité de la personne et tout identifiant (téléphone, comptes, véhicules) susceptible d’aider à la retrouver.',
    ru: 'Личность лица и любые идентификаторы (телефон, учётные записи, транспортные средства), которые могут помочь его найти.',
    zh: '该人的身份以及可能有助于找到其下落的任何标识符（电话、账户、车辆）。',
  },
});

export const lastKnownLocation = field({
  id: 'lastKnownLocation',
  kind: 'longtext',
  step: 'persons',
  required: true,
  source: 'UN 47 (?)',
  label: {
    ar: 'آخر مكان معروف',
    en: 'Last known location',
    es: 'Última ubicación conocida',
    fr: 'Dernière localisation connue',
    ru: 'Последнее известное местонахождение',
    zh: '最后已知位置',
  },
  guidance: {
    ar: 'أين ومتى عُرف آخر وجود للشخص، ولماذا يُعتقد أنه موجود في الدولة متلقية الطلب.',
    en: 'Where and when the person was last known to be, and why they are thought to be in the requested State.',
    es: 'Dónde y cuándo se tuvo constancia de la persona por última vez, y por qué se cree que está en el Estado requerido.',
    fr: 'Où et quand la personne a été signalée pour la dernière fois, et pourquoi on pense qu’elle se trouve dans l’État requis.',
    ru: 'Где и когда лицо находилось в последний раз по имеющимся сведениям и почему считается, что оно находится в запрашиваемом государстве.',
    zh: '最后一次知悉该人所在的地点和时间，以及为何认为其身处被请求国。',
  },
});

export const locatePurpose = field({
  id: 'locatePurpose',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'UN 47 (?)',
  label: {
    ar: 'سبب البحث عن الشخص',
    en: 'Why the person is sought',
    es: 'Motivo de la búsqueda',
    fr: 'Motif de la recherche',
    ru: 'Цель розыска',
    zh: '查找原因',
  },
  guidance: {
    ar: 'ما ستتخذونه من إجراء بعد تحديد مكان الشخص، مثل طلب القبض عليه أو سماعه أو حماية ضحية.',
    en: 'What you will do once the person is located, e.g. a request for arrest, a hearing or protection of a victim.',
    es: 'Qué se hará una vez localizada la persona, p. ej., una solicitud de detención, una audiencia o la protección de una víctima.',
    fr: 'Ce qui sera entrepris une fois la personne localisée, par ex. demande d’arrestation, audition ou protection d’une victime.',
    ru: 'Что будет предпринято после установления местонахождения лица, например запрос об аресте, допрос или защита потерпевшего.',
    zh: '找到该人后将采取的行动，例如请求逮捕、听询或保护被害人。',
  },
});

export const doNotApproach = field({
  id: 'doNotApproach',
  kind: 'boolean',
  step: 'handling',
  required: false,
  label: {
    ar: 'عدم الاقتراب من الشخص',
    en: 'Do not approach the person',
    es: 'No abordar a la persona',
    fr: 'Ne pas approcher la personne',
    ru: 'Не вступать в контакт с лицом',
    zh: '不得接触该人',
  },
  guidance: {
    ar: 'مطالبة بعدم الاتصال بالشخص أو تنبيهه أثناء تحديد مكانه.',
    en: 'Ask that the person not be contacted or alerted while being located.',
    es: 'Pedir que no se contacte ni se alerte a la persona mientras se la localiza.',
    fr: 'Demander que la personne ne soit ni contactée ni alertée pendant sa localisation.',
    ru: 'Просить не вступать в контакт с лицом и не настораживать его в ходе установления местонахождения.',
    zh: '要求在查找下落期间不联系或惊动该人。',
  },
});

export const LOCATE_PERSON: RequestTypeDefinition = defineType({
  id: 'locate_person',
  title: {
    ar: 'تحديد مكان شخص',
    en: 'Locating a person',
    es: 'Localización de una persona',
    fr: "Localisation d'une personne",
    ru: 'Установление местонахождения лица',
    zh: '查找人员下落',
  },
  summary: {
    ar: 'طلب بين أجهزة الشرطة عبر الشبكة العاملة على مدار الساعة طوال أيام الأسبوع لتحديد مكان مشتبه فيه أو ضحية أو شاهد.',
    en: 'Police-to-police request through the 24/7 network to find where a suspect, victim or witness is.',
    es: 'Solicitud entre policías, a través de la red 24/7, para determinar el paradero de un sospechoso, una víctima o un testigo.',
    fr: 'Demande de police à police, par le réseau 24/7, visant à déterminer où se trouve un suspect, une victime ou un témoin.',
    ru: 'Запрос между полицейскими органами через сеть 24/7 об установлении местонахождения подозреваемого, потерпевшего или свидетеля.',
    zh: '通过 24/7 网络在警方之间提出的请求，以查明犯罪嫌疑人、被害人或证人的下落。',
  },
  routing: 'contact_point_24_7',
  measures: ['locating'],
  emergency: false,
  dualCriminality: 'not_required',
  safeguards: ['use_limitation'],
  fields: [...CONTACT_POINT_CONTACT, investigationTitle, offences, summaryOfFacts, personToLocate, lastKnownLocation, locatePurpose, doNotApproach, ...BASIC_HANDLING],
  follows: [],
});
