/**
 * Expedited preservation of stored data (BC 29, UN 42 (?)) and preservation with partial disclosure of traffic
 * data (BC 30). Sent to the requested State's 24/7 point; no dual criminality unless that State reserved it
 * (BC 29(3)-(4)); the T-CY template fields, with the statement that an MLA request will follow.
 */
import type { FieldDefinition, RequestTypeDefinition } from '../model.ts';
import { PRESERVATION_CONTACT } from './blocks.ts';
import { defineType, withOptions } from './define.ts';
import {
  communicationToTrace,
  custodian,
  dataCategories,
  dataPeriod,
  dataToPreserve,
  doNotNotify,
  isExtension,
  mlaWillFollow,
  preservationDays,
  preservationNecessity,
  previousRequestReference,
  relationToOffence,
} from './fields-data.ts';
import { additionalInformation, confidentialityReason, confidentialityRequested, investigationTitle, offences, persons, summaryOfFacts } from './fields.ts';

const PRESERVATION_FIELDS: readonly FieldDefinition[] = [
  ...PRESERVATION_CONTACT,
  investigationTitle,
  offences,
  summaryOfFacts,
  persons,
  dataToPreserve,
  withOptions(dataCategories, ['subscriber', 'traffic', 'content']),
  dataPeriod,
  relationToOffence,
  custodian,
  preservationNecessity,
  mlaWillFollow,
  preservationDays,
  doNotNotify,
  isExtension,
  previousRequestReference,
  confidentialityRequested,
  confidentialityReason,
  additionalInformation,
];

export const PRESERVATION: RequestTypeDefinition = defineType({
  id: 'preservation',
  title: {
    ar: 'الحفظ العاجل للبيانات الحاسوبية المخزنة',
    en: 'Expedited preservation of stored data',
    es: 'Conservación rápida de datos almacenados',
    fr: 'Conservation rapide de données stockées',
    ru: 'Оперативное обеспечение сохранности хранимых данных',
    zh: '快速保全存储数据',
  },
  summary: {
    ar: 'يطلب من الدولة متلقية الطلب أن تحفظ على وجه السرعة بيانات حاسوبية مخزنة، ريثما يُقدَّم طلب بتقديمها.',
    en: 'Asks the requested State to preserve stored computer data quickly, pending a request for its production.',
    es: 'Pide al Estado requerido que conserve con rapidez datos informáticos almacenados, a la espera de una solicitud de presentación.',
    fr: "Demande à l'État requis de conserver rapidement des données informatiques stockées, dans l'attente d'une demande de production.",
    ru: 'Просьба к запрашиваемому государству оперативно обеспечить сохранность хранимых компьютерных данных до поступления запроса об их предоставлении.',
    zh: '请求被请求国迅速保全所存储的计算机数据，以待调取请求。',
  },
  routing: 'contact_point_24_7',
  measures: ['preservation'],
  emergency: false,
  dualCriminality: 'per_state',
  safeguards: ['use_limitation', 'dual_criminality'],
  fields: PRESERVATION_FIELDS,
  follows: ['preservation', 'preservation_partial_disclosure'],
});

export const PRESERVATION_PARTIAL_DISCLOSURE: RequestTypeDefinition = defineType({
  id: 'preservation_partial_disclosure',
  title: {
    ar: 'الحفظ مع الكشف الجزئي عن بيانات الحركة',
    en: 'Preservation with partial disclosure of traffic data',
    es: 'Conservación y revelación parcial de datos relativos al tráfico',
    fr: 'Conservation et divulgation partielle de données relatives au trafic',
    ru: 'Сохранение с частичным раскрытием данных о трафике',
    zh: '保全并部分披露流量数据',
  },
  summary: {
    ar: 'الحفظ مع الكشف السريع عن قدر من بيانات الحركة يكفي لتحديد مقدمي الخدمات الآخرين ومسار إرسال الاتصال.',
    en: 'Preservation plus prompt disclosure of enough traffic data to identify other service providers and the path of a communication.',
    es: 'Conservación junto con la revelación rápida de datos relativos al tráfico suficientes para identificar a otros proveedores de servicios y la vía de transmisión de una comunicación.',
    fr: 'Conservation assortie de la divulgation rapide de données relatives au trafic suffisantes pour identifier les autres fournisseurs de services et la voie de transmission d’une communication.',
    ru: 'Обеспечение сохранности с оперативным раскрытием данных о трафике в объёме, достаточном для установления других поставщиков услуг и пути передачи сообщения.',
    zh: '保全数据，并迅速披露足以识别其他服务提供者及通信传输路径的流量数据。',
  },
  routing: 'contact_point_24_7',
  measures: ['preservation', 'partial_disclosure_traffic'],
  emergency: false,
  dualCriminality: 'per_state',
  safeguards: ['use_limitation', 'dual_criminality'],
  fields: [...PRESERVATION_FIELDS, communicationToTrace],
  follows: ['preservation', 'preservation_partial_disclosure'],
});
