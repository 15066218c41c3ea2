/**
 * Emergency requests: expedited disclosure of stored subscriber information and traffic data (SAP 9) and emergency
 * mutual legal assistance (SAP 10). Both go to the 24/7 point, must show a significant and imminent risk to the
 * life or safety of a natural person (UN 2) and may first be made orally, then confirmed in writing.
 *
 * Emergency disclosure asks for subscriber information and traffic data only, so it stays non-intrusive and can
 * be sent at night without an authorizer (SCENARIOS 2); stored content in an emergency goes by emergency MLA,
 * which is intrusive and requires dual criminality like any coercive MLA. Emergency disclosure needs none: it is
 * a 24/7 disclosure to save a life (`not_required`).
 */
import type { RequestTypeDefinition } from '../model.ts';
import { CONTACT_POINT_CONTACT, MLA_CONTENTS, MLA_HANDLING } from './blocks.ts';
import { defineType, optional, variant, withOptions } from './define.ts';
import { custodian, dataCategories, dataPeriod, dataSought, doNotNotify } from './fields-data.ts';
import { emergencyDataRelation, emergencyFacts, madeOrally, oralRequestAt, proportionality } from './fields-safeguards.ts';
import {
  additionalInformation,
  confidentialityReason,
  confidentialityRequested,
  investigationTitle,
  offences,
  persons,
  specialProcedure,
  summaryOfFacts,
} from './fields.ts';

const disclosureCategories = variant(withOptions(dataCategories, ['subscriber', 'traffic']), {
  guidance: {
    ar: 'معلومات المشتركين تحدد هوية المستخدم؛ وبيانات الحركة تبيّن الاتصالات. وللحصول على المحتوى، قدموا طلب مساعدة قانونية متبادلة في حالات الطوارئ.',
    en: 'Subscriber information identifies the user; traffic data shows connections. For content, send an emergency mutual legal assistance request.',
    es: 'La información sobre los abonados identifica al usuario; los datos relativos al tráfico muestran las conexiones. Para obtener contenido, presente una solicitud de asistencia judicial recíproca de emergencia.',
    fr: 'Les données relatives aux abonnés identifient l’utilisateur ; les données relatives au trafic retracent les connexions. Pour obtenir du contenu, présentez une demande d’entraide judiciaire d’urgence.',
    ru: 'Сведения об абонентах позволяют установить пользователя; данные о трафике отражают соединения. Для получения содержания направьте запрос об экстренной взаимной правовой помощи.',
    zh: '订户信息用于识别用户；流量数据显示连接情况。如需调取内容，请提出紧急司法协助请求。',
  },
});

const assistanceRelation = variant(emergencyDataRelation, {
  label: {
    ar: 'صلة المساعدة بحالة الطوارئ',
    en: 'How the assistance relates to the emergency',
    es: 'Relación de la asistencia con la emergencia',
    fr: "Lien entre l'entraide et l'urgence",
    ru: 'Связь запрашиваемой помощи с чрезвычайной ситуацией',
    zh: '所请求协助与紧急情况的关联',
  },
  guidance: {
    ar: 'سبب الحاجة إلى المساعدة المطلوبة لدرء الخطر، مثل تحديد مكان الضحية أو هوية مصدر التهديدات.',
    en: 'Why the assistance sought is needed to avert the risk, e.g. to locate the victim or identify the person making threats.',
    es: 'Por qué la asistencia solicitada es necesaria para evitar el riesgo, p. ej., localizar a la víctima o identificar a quien profiere las amenazas.',
    fr: 'Pourquoi l’entraide demandée est nécessaire pour écarter le risque, par ex. localiser la victime ou identifier l’auteur des menaces.',
    ru: 'Почему запрашиваемая помощь необходима для предотвращения угрозы, например для установления местонахождения потерпевшего или личности лица, высказывающего угрозы.',
    zh: '为何需要所请求的协助来避免风险，例如确定被害人的位置或识别发出威胁的人。',
  },
});

export const EMERGENCY_DISCLOSURE: RequestTypeDefinition = defineType({
  id: 'emergency_disclosure',
  title: {
    ar: 'الكشف عن البيانات في حالات الطوارئ',
    en: 'Emergency disclosure of data',
    es: 'Revelación de datos en situaciones de emergencia',
    fr: 'Divulgation de données en situation d’urgence',
    ru: 'Раскрытие данных в чрезвычайной ситуации',
    zh: '紧急情况下披露数据',
  },
  summary: {
    ar: 'الكشف المعجل عن معلومات المشتركين وبيانات الحركة عند وجود خطر كبير ووشيك على حياة شخص أو سلامته.',
    en: 'Expedited disclosure of subscriber information and traffic data where there is a significant and imminent risk to the life or safety of a person.',
    es: 'Revelación acelerada de información sobre los abonados y datos relativos al tráfico cuando existe un riesgo considerable e inminente para la vida o la seguridad de una persona.',
    fr: 'Divulgation accélérée de données relatives aux abonnés et au trafic en cas de risque important et imminent pour la vie ou la sécurité d’une personne.',
    ru: 'Ускоренное раскрытие сведений об абонентах и данных о трафике при наличии значительной и непосредственной угрозы жизни или безопасности человека.',
    zh: '在个人生命或安全面临重大且紧迫风险时，加快披露订户信息和流量数据。',
  },
  routing: 'contact_point_24_7',
  measures: ['production_subscriber', 'production_traffic'],
  emergency: true,
  dualCriminality: 'not_required',
  safeguards: ['emergency_justification', 'use_limitation'],
  fields: [
    ...CONTACT_POINT_CONTACT,
    investigationTitle,
    offences,
    summaryOfFacts,
    emergencyFacts,
    emergencyDataRelation,
    persons,
    dataSought,
    disclosureCategories,
    custodian,
    dataPeriod,
    specialProcedure,
    optional(doNotNotify),
    madeOrally,
    oralRequestAt,
    confidentialityRequested,
    confidentialityReason,
    additionalInformation,
  ],
  follows: [],
});

export const EMERGENCY_MLA: RequestTypeDefinition = defineType({
  id: 'emergency_mla',
  title: {
    ar: 'المساعدة القانونية المتبادلة في حالات الطوارئ',
    en: 'Emergency mutual legal assistance',
    es: 'Asistencia judicial recíproca de emergencia',
    fr: 'Entraide judiciaire d’urgence',
    ru: 'Экстренная взаимная правовая помощь',
    zh: '紧急司法协助',
  },
  summary: {
    ar: 'مساعدة قانونية متبادلة، بما فيها الحصول على المحتوى والتفتيش، تُعالَج بأقصى سرعة ممكنة بسبب خطر وشيك على حياة شخص أو سلامته.',
    en: 'Mutual legal assistance, including content and search, handled as fast as possible because of an imminent risk to the life or safety of a person.',
    es: 'Asistencia judicial recíproca, incluidos el contenido y el registro, tramitada con la mayor rapidez posible por existir un riesgo inminente para la vida o la seguridad de una persona.',
    fr: 'Entraide judiciaire, y compris la production de contenu et la perquisition, traitée dans les plus brefs délais en raison d’un risque imminent pour la vie ou la sécurité d’une personne.',
    ru: 'Взаимная правовая помощь, включая получение содержания и обыск, оказываемая в кратчайшие сроки ввиду непосредственной угрозы жизни или безопасности человека.',
    zh: '因个人生命或安全面临紧迫风险而尽快处理的司法协助，包括调取内容和搜查。',
  },
  routing: 'contact_point_24_7',
  measures: ['production_subscriber', 'production_traffic', 'production_content', 'search_seizure', 'other_assistance'],
  emergency: true,
  dualCriminality: 'required',
  safeguards: ['proportionality', 'judicial_authorization', 'legal_basis', 'use_limitation', 'dual_criminality', 'emergency_justification'],
  fields: [
    ...CONTACT_POINT_CONTACT,
    ...MLA_CONTENTS,
    emergencyFacts,
    assistanceRelation,
    optional(dataSought),
    optional(custodian),
    dataPeriod,
    proportionality,
    ...MLA_HANDLING,
    madeOrally,
    oralRequestAt,
  ],
  follows: ['emergency_disclosure', 'preservation', 'preservation_partial_disclosure'],
});
