/**
 * General mutual legal assistance (UNTOC 18, BC 25/27, UN 40 (?)) and hearing by video conference (UNTOC 18(18),
 * SAP 11 (?)). Neither is coercive in itself, so dual criminality is left to the requested State (`per_state`,
 * UNTOC 18(9)); both carry the full UNTOC 18(15) contents.
 */
import type { RequestTypeDefinition } from '../model.ts';
import { CENTRAL_AUTHORITY_CONTACT, MLA_CONTENTS, MLA_HANDLING, without } from './blocks.ts';
import { defineType, field } from './define.ts';
import { proportionalityOptional } from './fields-safeguards.ts';

export const assistanceCategories = field({
  id: 'assistanceCategories',
  kind: 'choices',
  step: 'assistance',
  required: true,
  source: 'UNTOC 18(3)',
  options: ['taking_evidence', 'service_of_documents', 'examining_objects', 'providing_information', 'documents_records', 'facilitating_appearance', 'other'],
  optionLabels: [
    { ar: 'الحصول على أدلة أو أقوال', en: 'Taking evidence or statements', es: 'Obtención de pruebas o declaraciones', fr: 'Recueil de témoignages ou de dépositions', ru: 'Получение показаний или заявлений', zh: '获取证据或陈述' },
    { ar: 'تبليغ المستندات القضائية', en: 'Service of judicial documents', es: 'Notificación de documentos judiciales', fr: "Signification d'actes judiciaires", ru: 'Вручение судебных документов', zh: '送达司法文书' },
    { ar: 'فحص الأشياء والمواقع', en: 'Examining objects and sites', es: 'Examen de objetos y lugares', fr: "Examen d'objets et de lieux", ru: 'Осмотр предметов и мест', zh: '检查物品和场所' },
    {
      ar: 'تقديم المعلومات والمواد الإثباتية وتقييمات الخبراء',
      en: 'Providing information, evidentiary items and expert evaluations',
      es: 'Facilitación de información, elementos de prueba y evaluaciones de peritos',
      fr: "Fourniture d'informations, d'éléments de preuve et d'estimations d'experts",
      ru: 'Предоставление информации, вещественных доказательств и экспертных заключений',
      zh: '提供资料、证物和鉴定结论',
    },
    {
      ar: 'أصول السجلات أو نسخ مصدقة منها',
      en: 'Originals or certified copies of records',
      es: 'Originales o copias certificadas de documentos y expedientes',
      fr: 'Originaux ou copies certifiées conformes de documents et dossiers',
      ru: 'Подлинники или заверенные копии документов и материалов',
      zh: '记录的原件或经核证的副本',
    },
    { ar: 'تيسير مثول الأشخاص طوعاً', en: 'Facilitating the voluntary appearance of persons', es: 'Facilitación de la comparecencia voluntaria de personas', fr: 'Comparution volontaire de personnes', ru: 'Содействие добровольной явке лиц', zh: '便利有关人员自愿出庭' },
    {
      ar: 'أي مساعدة أخرى لا تتعارض مع قانون الدولة متلقية الطلب',
      en: "Other assistance not contrary to the requested State's law",
      es: 'Cualquier otra asistencia compatible con el derecho del Estado requerido',
      fr: "Toute autre assistance compatible avec le droit de l'État requis",
      ru: 'Иная помощь, не противоречащая законодательству запрашиваемого государства',
      zh: '不违反被请求国法律的其他协助',
    },
  ],
  label: {
    ar: 'أنواع المساعدة',
    en: 'Kinds of assistance',
    es: 'Tipos de asistencia',
    fr: "Types d'entraide",
    ru: 'Виды помощи',
    zh: '协助类型',
  },
  guidance: {
    ar: 'اختر كل نوع من أنواع المساعدة التي يشملها الطلب.',
    en: 'Tick every kind of assistance the request covers.',
    es: 'Marque cada tipo de asistencia que abarca la solicitud.',
    fr: "Cochez chaque type d'entraide visé par la demande.",
    ru: 'Отметьте все виды помощи, охватываемые запросом.',
    zh: '勾选本请求涉及的每一种协助。',
  },
});

export const personToBeHeard = field({
  id: 'personToBeHeard',
  kind: 'persons',
  step: 'persons',
  required: true,
  fromCase: 'persons',
  source: 'UNTOC 18(15)(e), 18(18)',
  label: {
    ar: 'الشخص المراد سماعه',
    en: 'Person to be heard',
    es: 'Persona que debe ser oída',
    fr: 'Personne à entendre',
    ru: 'Лицо, подлежащее допросу',
    zh: '需听取陈述的人员',
  },
  guidance: {
    ar: 'هوية الشخص وبيانات الاتصال به، واللغة التي يتكلمها.',
    en: 'Identity and contact details of the person, and the language they speak.',
    es: 'Identidad y datos de contacto de la persona, y el idioma que habla.',
    fr: 'Identité et coordonnées de la personne, et la langue qu’elle parle.',
    ru: 'Личность и контактные данные лица, а также язык, которым оно владеет.',
    zh: '该人的身份、联系方式及其使用的语言。',
  },
});

export const hearingCapacity = field({
  id: 'hearingCapacity',
  kind: 'choice',
  step: 'persons',
  required: true,
  source: 'UNTOC 18(18), SAP 11 (?)',
  options: ['witness', 'expert', 'victim', 'suspect_or_accused'],
  optionLabels: [
    { ar: 'شاهد', en: 'Witness', es: 'Testigo', fr: 'Témoin', ru: 'Свидетель', zh: '证人' },
    { ar: 'خبير', en: 'Expert', es: 'Perito', fr: 'Expert judiciaire', ru: 'Эксперт', zh: '鉴定人' },
    { ar: 'ضحية', en: 'Victim', es: 'Víctima', fr: 'Victime', ru: 'Потерпевший', zh: '被害人' },
    { ar: 'مشتبه فيه أو متهم', en: 'Suspect or accused person', es: 'Sospechoso o acusado', fr: 'Suspect ou personne poursuivie', ru: 'Подозреваемый или обвиняемый', zh: '犯罪嫌疑人或被告人' },
  ],
  label: {
    ar: 'الصفة',
    en: 'Capacity',
    es: 'Calidad',
    fr: 'Qualité',
    ru: 'Процессуальный статус',
    zh: '身份',
  },
  guidance: {
    ar: 'الصفة التي يُستمع بها إلى الشخص؛ وهي التي تحدد الحقوق الإجرائية المنطبقة.',
    en: 'The capacity in which the person is heard; it decides the procedural rights that apply.',
    es: 'La calidad en que se oye a la persona; determina los derechos procesales aplicables.',
    fr: 'La qualité en laquelle la personne est entendue ; elle détermine les droits procéduraux applicables.',
    ru: 'Статус, в котором допрашивается лицо; от него зависят применимые процессуальные права.',
    zh: '该人接受听询时的诉讼身份；决定其适用的诉讼权利。',
  },
});

/** Required for a suspect or accused person; `false` is refused by the completeness checker. */
export const hearingConsent = field({
  id: 'hearingConsent',
  kind: 'boolean',
  step: 'safeguards',
  required: false,
  requiredWhen: { field: 'hearingCapacity', equals: 'suspect_or_accused' },
  source: 'SAP 11 (?); ETS 182 art. 9(8) (?)',
  label: {
    ar: 'موافقة الشخص',
    en: 'Consent of the person',
    es: 'Consentimiento de la persona',
    fr: 'Consentement de la personne',
    ru: 'Согласие лица',
    zh: '本人同意',
  },
  guidance: {
    ar: 'لا يجوز سماع المشتبه فيه أو المتهم عن طريق التداول بالفيديو إلا بموافقته.',
    en: 'A suspect or accused person may be heard by video conference only with his or her consent.',
    es: 'Un sospechoso o acusado solo puede ser oído por videoconferencia con su consentimiento.',
    fr: 'Un suspect ou une personne poursuivie ne peut être entendu par vidéoconférence qu’avec son consentement.',
    ru: 'Подозреваемый или обвиняемый может быть допрошен посредством видеосвязи только с его согласия.',
    zh: '犯罪嫌疑人或被告人须经本人同意方可通过视频会议接受听询。',
  },
});

export const proposedDateTime = field({
  id: 'proposedDateTime',
  kind: 'datetime',
  step: 'assistance',
  required: true,
  source: 'UNTOC 18(18)',
  label: {
    ar: 'التاريخ والوقت المقترحان',
    en: 'Proposed date and time',
    es: 'Fecha y hora propuestas',
    fr: 'Date et heure proposées',
    ru: 'Предлагаемые дата и время',
    zh: '建议日期和时间',
  },
  guidance: {
    ar: 'مع فارق التوقيت أو الرمز Z؛ واقترحوا مواعيد بديلة في خانة «معلومات إضافية».',
    en: 'With the offset or Z; propose alternatives under “Additional information”.',
    es: 'Con el desfase horario o Z; proponga alternativas en «Información adicional».',
    fr: 'Avec le décalage horaire ou Z ; proposez d’autres créneaux sous « Informations complémentaires ».',
    ru: 'Со смещением от UTC или Z; альтернативные варианты укажите в разделе «Дополнительная информация».',
    zh: '须含时差或 Z；可在“补充信息”中提出备选时间。',
  },
});

export const presidingAuthority = field({
  id: 'presidingAuthority',
  kind: 'text',
  step: 'assistance',
  required: true,
  source: 'UNTOC 18(18)',
  label: {
    ar: 'السلطة القضائية التي تجري السماع',
    en: 'Judicial authority conducting the hearing',
    es: 'Autoridad judicial que dirige la audiencia',
    fr: "Autorité judiciaire conduisant l'audition",
    ru: 'Судебный орган, проводящий допрос',
    zh: '主持听询的司法机关',
  },
  guidance: {
    ar: 'القاضي أو عضو النيابة العامة في دولتكم الذي سيجري السماع؛ وتحضر سلطة الدولة متلقية الطلب وتكفل احترام قانونها.',
    en: "The judge or prosecutor of your State who will conduct the hearing; the requested State's authority attends and ensures its law is respected.",
    es: 'El juez o fiscal de su Estado que dirigirá la audiencia; la autoridad del Estado requerido asiste y vela por el respeto de su derecho.',
    fr: "Le juge ou procureur de votre État qui conduira l'audition ; l'autorité de l'État requis y assiste et veille au respect de son droit.",
    ru: 'Судья или прокурор вашего государства, который проведёт допрос; орган запрашиваемого государства присутствует и обеспечивает соблюдение его законодательства.',
    zh: '将主持听询的贵国法官或检察官；被请求国机关在场并确保其法律得到遵守。',
  },
});

export const interpretation = field({
  id: 'interpretation',
  kind: 'text',
  step: 'assistance',
  required: false,
  label: {
    ar: 'الترجمة الشفوية',
    en: 'Interpretation',
    es: 'Interpretación',
    fr: 'Interprétariat',
    ru: 'Устный перевод',
    zh: '口译',
  },
  guidance: {
    ar: 'اللغات المطلوب الترجمة منها وإليها والجهة التي توفر المترجم الشفوي.',
    en: 'Languages to be interpreted and who provides the interpreter.',
    es: 'Idiomas que deben interpretarse y quién proporciona el intérprete.',
    fr: "Langues à interpréter et partie qui fournit l'interprète.",
    ru: 'Языки устного перевода и сторона, предоставляющая переводчика.',
    zh: '需口译的语言以及由哪一方提供口译员。',
  },
});

export const hearingTopics = field({
  id: 'hearingTopics',
  kind: 'longtext',
  step: 'assistance',
  required: false,
  label: {
    ar: 'الأسئلة أو المواضيع',
    en: 'Questions or topics',
    es: 'Preguntas o temas',
    fr: 'Questions ou thèmes',
    ru: 'Вопросы или темы',
    zh: '问题或主题',
  },
  guidance: {
    ar: 'الأسئلة المراد طرحها أو المواضيع المراد تناولها.',
    en: 'The questions to be put or the topics to be covered.',
    es: 'Las preguntas que deben formularse o los temas que deben tratarse.',
    fr: 'Les questions à poser ou les thèmes à aborder.',
    ru: 'Вопросы, которые предстоит задать, или темы, которые следует затронуть.',
    zh: '需提出的问题或需涉及的主题。',
  },
});

export const technicalContact = field({
  id: 'technicalContact',
  kind: 'text',
  step: 'handling',
  required: false,
  label: {
    ar: 'جهة الاتصال التقنية',
    en: 'Technical contact',
    es: 'Contacto técnico',
    fr: 'Contact technique',
    ru: 'Технический контакт',
    zh: '技术联系人',
  },
  guidance: {
    ar: 'الشخص الذي يُتصل به لاختبار الاتصال، مع رقم الهاتف والبريد الإلكتروني.',
    en: 'Who to call to test the connection, with telephone and e-mail.',
    es: 'A quién llamar para probar la conexión, con teléfono y correo electrónico.',
    fr: 'La personne à appeler pour tester la connexion, avec téléphone et adresse électronique.',
    ru: 'С кем связаться для проверки соединения, с телефоном и адресом электронной почты.',
    zh: '测试连接时的联系人，附电话和电子邮件。',
  },
});

export const GENERAL_MLA: RequestTypeDefinition = defineType({
  id: 'general_mla',
  title: {
    ar: 'المساعدة القانونية المتبادلة العامة',
    en: 'General mutual legal assistance',
    es: 'Asistencia judicial recíproca general',
    fr: 'Entraide judiciaire générale',
    ru: 'Общая взаимная правовая помощь',
    zh: '一般司法协助',
  },
  summary: {
    ar: 'الحصول على الأدلة والسجلات وتبليغ المستندات وأي مساعدة أخرى لا يشملها نوع محدد من الطلبات.',
    en: 'Taking evidence, obtaining records, service of documents and other assistance not covered by a specific type.',
    es: 'Obtención de pruebas y documentos, notificación de actos y cualquier otra asistencia no prevista en un tipo específico.',
    fr: 'Recueil de preuves, obtention de documents, signification d’actes et toute autre entraide non couverte par un type particulier.',
    ru: 'Получение доказательств и документов, вручение документов и иная помощь, не охватываемая специальным видом запроса.',
    zh: '获取证据和记录、送达文书以及具体请求类型未涵盖的其他协助。',
  },
  routing: 'central_authority',
  measures: ['information', 'other_assistance'],
  emergency: false,
  dualCriminality: 'per_state',
  safeguards: ['legal_basis', 'use_limitation', 'dual_criminality'],
  fields: [...CENTRAL_AUTHORITY_CONTACT, ...MLA_CONTENTS, assistanceCategories, proportionalityOptional, ...MLA_HANDLING],
  follows: [],
});

export const VIDEO_HEARING: RequestTypeDefinition = defineType({
  id: 'video_hearing',
  title: {
    ar: 'السماع عن طريق التداول بالفيديو',
    en: 'Hearing by video conference',
    es: 'Audiencia por videoconferencia',
    fr: 'Audition par vidéoconférence',
    ru: 'Допрос посредством видеоконференции',
    zh: '视频会议听询',
  },
  summary: {
    ar: 'سماع شاهد أو خبير أو شخص آخر موجود في الدولة متلقية الطلب عن طريق التداول بالفيديو، تجريه سلطتكم القضائية.',
    en: 'Hearing of a witness, expert or other person in the requested State by video conference, conducted by your judicial authority.',
    es: 'Audiencia de un testigo, perito u otra persona que se encuentre en el Estado requerido, por videoconferencia y dirigida por su autoridad judicial.',
    fr: 'Audition d’un témoin, d’un expert ou d’une autre personne se trouvant dans l’État requis, par vidéoconférence, conduite par votre autorité judiciaire.',
    ru: 'Допрос свидетеля, эксперта или иного лица, находящегося в запрашиваемом государстве, посредством видеоконференции, проводимый вашим судебным органом.',
    zh: '由贵国司法机关通过视频会议听取身处被请求国的证人、鉴定人或其他人员的陈述。',
  },
  routing: 'central_authority',
  measures: ['hearing'],
  emergency: false,
  dualCriminality: 'per_state',
  safeguards: ['legal_basis', 'use_limitation', 'dual_criminality'],
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    ...without(MLA_CONTENTS, 'persons'),
    personToBeHeard,
    hearingCapacity,
    hearingConsent,
    proposedDateTime,
    presidingAuthority,
    interpretation,
    hearingTopics,
    technicalContact,
    ...MLA_HANDLING,
  ],
  follows: [],
});
