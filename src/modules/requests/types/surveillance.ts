/**
 * Real-time measures: collection of traffic data (BC 33, UN 45 (?)) and interception of content data (BC 34,
 * UN 46 (?)). Both are intrusive, require dual criminality and a bounded collection period; interception is
 * available only for serious crime (maximum penalty of at least 4 years, UN 2).
 */
import type { RequestTypeDefinition } from '../model.ts';
import { CENTRAL_AUTHORITY_CONTACT, MLA_CONTENTS, MLA_HANDLING } from './blocks.ts';
import { defineType } from './define.ts';
import { collectionPeriod, custodian, relationToOffence, targetIdentifiers } from './fields-data.ts';
import { proportionality } from './fields-safeguards.ts';
import { PENALTY_THRESHOLD_YEARS } from './numbers.ts';

const FIELDS = [
  ...CENTRAL_AUTHORITY_CONTACT,
  ...MLA_CONTENTS,
  targetIdentifiers,
  custodian,
  collectionPeriod,
  relationToOffence,
  proportionality,
  ...MLA_HANDLING,
];

export const REALTIME_TRAFFIC: RequestTypeDefinition = defineType({
  id: 'realtime_traffic',
  title: {
    ar: 'الجمع الآني لبيانات الحركة',
    en: 'Real-time collection of traffic data',
    es: 'Obtención en tiempo real de datos relativos al tráfico',
    fr: 'Collecte en temps réel de données relatives au trafic',
    ru: 'Сбор данных о трафике в режиме реального времени',
    zh: '实时收集流量数据',
  },
  summary: {
    ar: 'جمع بيانات الحركة الخاصة باتصالات محددة فور حدوثها، لفترة محدودة.',
    en: 'Collection, as it happens, of the traffic data of specified communications for a limited period.',
    es: 'Obtención, en el momento en que se generan, de los datos relativos al tráfico de comunicaciones determinadas durante un período limitado.',
    fr: 'Collecte, au moment où elles sont générées, des données relatives au trafic de communications déterminées pendant une durée limitée.',
    ru: 'Сбор данных о трафике определённых сообщений в момент их передачи в течение ограниченного срока.',
    zh: '在限定期间内实时收集特定通信的流量数据。',
  },
  routing: 'central_authority',
  measures: ['realtime_traffic'],
  emergency: false,
  dualCriminality: 'required',
  safeguards: ['proportionality', 'judicial_authorization', 'legal_basis', 'use_limitation', 'dual_criminality'],
  fields: FIELDS,
  follows: [],
});

export const INTERCEPTION: RequestTypeDefinition = defineType({
  id: 'interception',
  title: {
    ar: 'اعتراض بيانات المحتوى',
    en: 'Interception of content data',
    es: 'Interceptación de datos relativos al contenido',
    fr: 'Interception de données relatives au contenu',
    ru: 'Перехват данных о содержании',
    zh: '截取内容数据',
  },
  summary: {
    ar: 'الاعتراض الآني لمحتوى اتصالات محددة، في الجرائم الخطيرة فقط.',
    en: 'Real-time interception of the content of specified communications, for serious offences only.',
    es: 'Interceptación en tiempo real del contenido de comunicaciones determinadas, únicamente para delitos graves.',
    fr: 'Interception en temps réel du contenu de communications déterminées, pour les seules infractions graves.',
    ru: 'Перехват в режиме реального времени содержания определённых сообщений, только в отношении тяжких преступлений.',
    zh: '实时截取特定通信的内容，仅限于严重犯罪。',
  },
  routing: 'central_authority',
  measures: ['interception'],
  emergency: false,
  dualCriminality: 'required',
  penaltyThresholdYears: PENALTY_THRESHOLD_YEARS.seriousCrime.years,
  safeguards: ['proportionality', 'judicial_authorization', 'legal_basis', 'use_limitation', 'dual_criminality'],
  fields: FIELDS,
  follows: [],
});
