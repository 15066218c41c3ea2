/**
 * Mutual assistance in accessing stored data (BC 31, UN 44 (?), SAP 8 (?)): production of subscriber information,
 * of traffic data, of stored content, and search and seizure. Each may follow a preservation request.
 *
 * Dual criminality: subscriber information is the least intrusive production and many States give it without
 * (SAP 8 leaves it to the State), so it is `per_state`; traffic data, content and search are coercive and
 * `required`. Traffic data is not an intrusive measure in the model's sense, but it reveals a person's
 * communications pattern, so — as SCENARIOS 1 shows — it carries a proportionality statement and the authorizer's
 * approval (`judicial_authorization`).
 */
import type { RequestTypeDefinition } from '../model.ts';
import { CENTRAL_AUTHORITY_CONTACT, MLA_CONTENTS, MLA_HANDLING } from './blocks.ts';
import { defineType, required, withOptions } from './define.ts';
import { proportionality, proportionalityOptional } from './fields-safeguards.ts';
import { custodian, dataCategories, dataPeriod, dataSought, itemsToSeize, relationToOffence, searchLocations } from './fields-data.ts';

export const SUBSCRIBER_INFORMATION: RequestTypeDefinition = defineType({
  id: 'subscriber_information',
  title: {
    ar: 'تقديم معلومات المشتركين',
    en: 'Production of subscriber information',
    es: 'Presentación de información sobre los abonados',
    fr: 'Production de données relatives aux abonnés',
    ru: 'Предоставление сведений об абонентах',
    zh: '调取订户信息',
  },
  summary: {
    ar: 'الحصول من مقدم الخدمة على المعلومات التي تحدد هوية مستخدم حساب أو عنوان.',
    en: 'Obtains from a service provider the information identifying the user of an account or address.',
    es: 'Obtención de un proveedor de servicios de la información que identifica al usuario de una cuenta o dirección.',
    fr: "Obtention auprès d'un fournisseur de services des informations permettant d'identifier l'utilisateur d'un compte ou d'une adresse.",
    ru: 'Получение от поставщика услуг сведений, позволяющих установить пользователя учётной записи или адреса.',
    zh: '从服务提供者处获取用以识别账户或地址使用者的信息。',
  },
  routing: 'central_authority',
  measures: ['production_subscriber'],
  emergency: false,
  dualCriminality: 'per_state',
  safeguards: ['legal_basis', 'use_limitation', 'dual_criminality'],
  fields: [...CENTRAL_AUTHORITY_CONTACT, ...MLA_CONTENTS, dataSought, custodian, dataPeriod, relationToOffence, proportionalityOptional, ...MLA_HANDLING],
  follows: ['preservation', 'preservation_partial_disclosure'],
});

export const TRAFFIC_DATA: RequestTypeDefinition = defineType({
  id: 'traffic_data',
  title: {
    ar: 'تقديم بيانات الحركة',
    en: 'Production of traffic data',
    es: 'Presentación de datos relativos al tráfico',
    fr: 'Production de données relatives au trafic',
    ru: 'Предоставление данных о трафике',
    zh: '调取流量数据',
  },
  summary: {
    ar: 'الحصول على بيانات الحركة المخزنة (المصدر والوجهة والمسار والوقت والمدة) ومعلومات المشتركين المتصلة بها.',
    en: 'Obtains stored traffic data (origin, destination, route, time, duration) and the related subscriber information.',
    es: 'Obtención de datos relativos al tráfico almacenados (origen, destino, ruta, hora, duración) y de la información sobre los abonados correspondiente.',
    fr: 'Obtention de données relatives au trafic stockées (origine, destination, itinéraire, heure, durée) et des données relatives aux abonnés correspondantes.',
    ru: 'Получение хранимых данных о трафике (источник, адресат, маршрут, время, продолжительность) и соответствующих сведений об абонентах.',
    zh: '获取所存储的流量数据（来源、目的地、路由、时间、时长）及相关订户信息。',
  },
  routing: 'central_authority',
  measures: ['production_traffic', 'production_subscriber'],
  emergency: false,
  dualCriminality: 'required',
  safeguards: ['proportionality', 'judicial_authorization', 'legal_basis', 'use_limitation', 'dual_criminality'],
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    ...MLA_CONTENTS,
    dataSought,
    withOptions(dataCategories, ['subscriber', 'traffic']),
    custodian,
    required(dataPeriod),
    relationToOffence,
    proportionality,
    ...MLA_HANDLING,
  ],
  follows: ['preservation', 'preservation_partial_disclosure'],
});

export const CONTENT_DATA: RequestTypeDefinition = defineType({
  id: 'content_data',
  title: {
    ar: 'تقديم المحتوى المخزن',
    en: 'Production of stored content',
    es: 'Presentación de contenido almacenado',
    fr: 'Production de contenu stocké',
    ru: 'Предоставление хранимого содержания',
    zh: '调取存储内容',
  },
  summary: {
    ar: 'الحصول على المحتوى المخزن للاتصالات أو الملفات، مع بيانات الحركة ومعلومات المشتركين المتصلة به.',
    en: 'Obtains the stored content of communications or files, with the related traffic data and subscriber information.',
    es: 'Obtención del contenido almacenado de comunicaciones o archivos, junto con los datos relativos al tráfico y la información sobre los abonados correspondientes.',
    fr: 'Obtention du contenu stocké de communications ou de fichiers, avec les données relatives au trafic et aux abonnés correspondantes.',
    ru: 'Получение хранимого содержания сообщений или файлов вместе с соответствующими данными о трафике и сведениями об абонентах.',
    zh: '获取所存储的通信或文件内容以及相关流量数据和订户信息。',
  },
  routing: 'central_authority',
  measures: ['production_content'],
  emergency: false,
  dualCriminality: 'required',
  safeguards: ['proportionality', 'judicial_authorization', 'legal_basis', 'use_limitation', 'dual_criminality'],
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    ...MLA_CONTENTS,
    dataSought,
    dataCategories,
    custodian,
    required(dataPeriod),
    relationToOffence,
    proportionality,
    ...MLA_HANDLING,
  ],
  follows: ['preservation', 'preservation_partial_disclosure'],
});

export const SEARCH_SEIZURE: RequestTypeDefinition = defineType({
  id: 'search_seizure',
  title: {
    ar: 'تفتيش البيانات المخزنة وضبطها',
    en: 'Search and seizure of stored data',
    es: 'Registro e incautación de datos almacenados',
    fr: 'Perquisition et saisie de données stockées',
    ru: 'Обыск и выемка хранимых данных',
    zh: '搜查和扣押存储数据',
  },
  summary: {
    ar: 'تفتيش أماكن أو نظم حاسوبية في الدولة متلقية الطلب، وضبط البيانات التي يُعثر عليها أو نسخها.',
    en: 'Search of premises or computer systems in the requested State and seizure or copying of the data found.',
    es: 'Registro de locales o sistemas informáticos en el Estado requerido e incautación o copia de los datos hallados.',
    fr: "Perquisition de locaux ou de systèmes informatiques dans l'État requis et saisie ou copie des données trouvées.",
    ru: 'Обыск помещений или компьютерных систем в запрашиваемом государстве и изъятие или копирование обнаруженных данных.',
    zh: '在被请求国搜查场所或计算机系统，并扣押或复制所发现的数据。',
  },
  routing: 'central_authority',
  measures: ['search_seizure'],
  emergency: false,
  dualCriminality: 'required',
  safeguards: ['proportionality', 'judicial_authorization', 'legal_basis', 'use_limitation', 'dual_criminality'],
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    ...MLA_CONTENTS,
    searchLocations,
    itemsToSeize,
    dataPeriod,
    relationToOffence,
    proportionality,
    ...MLA_HANDLING,
  ],
  follows: ['preservation', 'preservation_partial_disclosure'],
});
