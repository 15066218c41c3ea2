/**
 * The shared field library: the fields most request types carry (who asks, the case, the persons, the
 * assistance, the handling), each defined once with its label and guidance in the six UN languages and the
 * provision it comes from. Types reuse these as they are or adapt them with `variant`/`required`/`optional`;
 * field ids are therefore stable across types, so the letter, the clocks and the tailoring read one name.
 *
 * The required contents of a mutual legal assistance request follow UNTOC 18(15) (requesting authority; subject
 * and nature of the investigation and the authority conducting it; summary of facts; assistance sought and any
 * special procedure; where possible identity, location and nationality of persons concerned; purpose), plus the
 * legal basis, deadlines with reasons, confidentiality and use-limitation needs, as in the UNODC MLA Request
 * Writer Tool.
 */
import { field } from './define.ts';

// ── authority ──────────────────────────────────────────────────────────────────────────────────────────────

export const requestingAuthority = field({
  id: 'requestingAuthority',
  kind: 'text',
  step: 'authority',
  required: true,
  source: 'UNTOC 18(15)(a), BC 29(2)(a)',
  label: {
    ar: 'السلطة الطالبة',
    en: 'Requesting authority',
    es: 'Autoridad requirente',
    fr: 'Autorité requérante',
    ru: 'Запрашивающий орган',
    zh: '请求机关',
  },
  guidance: {
    ar: 'الاسم الكامل للسلطة التي تقدم الطلب وعنوانها؛ وتوجه الدولة متلقية الطلب ردها إليها.',
    en: 'Full name and address of the authority making the request; the requested State replies to it.',
    es: 'Nombre completo y dirección de la autoridad que formula la solicitud; el Estado requerido le dirigirá su respuesta.',
    fr: "Nom complet et adresse de l'autorité qui présente la demande ; l'État requis lui adresse sa réponse.",
    ru: 'Полное наименование и адрес органа, направляющего запрос; запрашиваемое государство направит ответ этому органу.',
    zh: '提出请求的机关的全称和地址；被请求国将向该机关作出答复。',
  },
});

export const contactName = field({
  id: 'contactName',
  kind: 'text',
  step: 'authority',
  required: true,
  source: 'T-CY template; UNODC MLA Request Writer Tool',
  label: {
    ar: 'موظف الاتصال',
    en: 'Contact officer',
    es: 'Persona de contacto',
    fr: 'Personne à contacter',
    ru: 'Контактное лицо',
    zh: '联系人',
  },
  guidance: {
    ar: 'اسم الشخص القادر على الإجابة عن الأسئلة المتعلقة بالطلب ووظيفته.',
    en: 'Name and function of the person who can answer questions about the request.',
    es: 'Nombre y cargo de la persona que puede responder a preguntas sobre la solicitud.',
    fr: 'Nom et fonction de la personne en mesure de répondre aux questions relatives à la demande.',
    ru: 'Фамилия, имя и должность лица, которое может ответить на вопросы по запросу.',
    zh: '能够答复有关本请求问题的人员的姓名和职务。',
  },
});

export const contactEmail = field({
  id: 'contactEmail',
  kind: 'email',
  step: 'authority',
  required: true,
  source: 'T-CY template; UNODC MLA Request Writer Tool',
  label: {
    ar: 'البريد الإلكتروني للاتصال',
    en: 'Contact e-mail',
    es: 'Correo electrónico de contacto',
    fr: 'Adresse électronique de contact',
    ru: 'Адрес электронной почты для связи',
    zh: '联系电子邮箱',
  },
  guidance: {
    ar: 'عنوان بريد إلكتروني يُطَّلع عليه بانتظام ما دام الطلب قيد النظر.',
    en: 'An e-mail address that is monitored while the request is open.',
    es: 'Una dirección de correo electrónico que se consulte mientras la solicitud esté en trámite.',
    fr: 'Une adresse électronique consultée régulièrement tant que la demande est en cours.',
    ru: 'Адрес электронной почты, который регулярно проверяется, пока запрос находится на рассмотрении.',
    zh: '在请求处理期间有人定期查看的电子邮件地址。',
  },
});

/** Optional for central-authority types; required (a number answered at all hours) for 24/7 types. */
export const contactPhone = field({
  id: 'contactPhone',
  kind: 'phone',
  step: 'authority',
  required: false,
  source: 'T-CY template',
  label: {
    ar: 'هاتف الاتصال',
    en: 'Contact telephone',
    es: 'Teléfono de contacto',
    fr: 'Téléphone de contact',
    ru: 'Контактный телефон',
    zh: '联系电话',
  },
  guidance: {
    ar: 'مع رمز الاتصال الدولي (مثل ‎+44 20 7946 0000)؛ وفي طلبات الشبكة العاملة على مدار الساعة، رقم يُرَدّ عليه في جميع الأوقات.',
    en: 'With the international dialling code (e.g. +44 20 7946 0000); for 24/7 requests, a number answered at all hours.',
    es: 'Con el prefijo internacional (p. ej., +44 20 7946 0000); en las solicitudes 24/7, un número atendido a cualquier hora.',
    fr: "Avec l'indicatif international (par ex. +44 20 7946 0000) ; pour les demandes 24/7, un numéro joignable à toute heure.",
    ru: 'С международным кодом (например, +44 20 7946 0000); для запросов через сеть 24/7 — номер, доступный круглосуточно.',
    zh: '须含国际区号（例如 +44 20 7946 0000）；对于 24/7 请求，须为全天候有人接听的号码。',
  },
});

export const officeHours = field({
  id: 'officeHours',
  kind: 'text',
  step: 'authority',
  required: true,
  source: 'T-CY template',
  label: {
    ar: 'ساعات العمل',
    en: 'Office hours',
    es: 'Horario de oficina',
    fr: 'Heures de bureau',
    ru: 'Часы работы',
    zh: '办公时间',
  },
  guidance: {
    ar: 'الأوقات التي يمكن فيها الاتصال بموظف الاتصال، وفق المنطقة الزمنية المبينة أدناه.',
    en: 'When the contact officer can be reached, in the time zone given below.',
    es: 'Horario en que se puede localizar a la persona de contacto, en el huso horario indicado a continuación.',
    fr: 'Horaires auxquels la personne à contacter est joignable, dans le fuseau horaire indiqué ci-dessous.',
    ru: 'Время, когда с контактным лицом можно связаться, в указанном ниже часовом поясе.',
    zh: '可联系到联系人的时间，以下方所填时区为准。',
  },
});

export const timeZone = field({
  id: 'timeZone',
  kind: 'timezone',
  step: 'authority',
  required: true,
  source: 'T-CY template',
  label: {
    ar: 'المنطقة الزمنية',
    en: 'Time zone',
    es: 'Huso horario',
    fr: 'Fuseau horaire',
    ru: 'Часовой пояс',
    zh: '时区',
  },
  guidance: {
    ar: 'اسم المنطقة وفق قاعدة IANA (مثل Asia/Riyadh)؛ وما لم يُذكر خلاف ذلك، تُفهم الطوابع الزمنية الواردة في الطلب وفق هذه المنطقة.',
    en: 'IANA name (e.g. Europe/Paris); unless stated otherwise, the timestamps in the request are in this zone.',
    es: 'Nombre IANA (p. ej., Europe/Madrid); salvo indicación en contrario, las marcas de tiempo de la solicitud se expresan en este huso.',
    fr: "Nom IANA (par ex. Europe/Paris) ; sauf indication contraire, les horodatages de la demande s'entendent dans ce fuseau.",
    ru: 'Наименование по базе IANA (например, Europe/Moscow); если не указано иное, время в запросе указано в этом часовом поясе.',
    zh: 'IANA 时区名称（例如 Asia/Shanghai）；除另有说明外，本请求中的时间戳均以该时区为准。',
  },
});

export const preferredChannel = field({
  id: 'preferredChannel',
  kind: 'choice',
  step: 'authority',
  required: true,
  source: 'T-CY template',
  options: ['comity', 'email', 'phone'],
  optionLabels: [
    { ar: 'عبر منصة Comity', en: 'Through Comity', es: 'A través de Comity', fr: 'Par Comity', ru: 'Через Comity', zh: '通过 Comity' },
    { ar: 'البريد الإلكتروني', en: 'E-mail', es: 'Correo electrónico', fr: 'Courrier électronique', ru: 'Электронная почта', zh: '电子邮件' },
    { ar: 'الهاتف', en: 'Telephone', es: 'Teléfono', fr: 'Téléphone', ru: 'Телефон', zh: '电话' },
  ],
  label: {
    ar: 'قناة الاتصال المفضلة',
    en: 'Preferred channel',
    es: 'Canal preferido',
    fr: 'Canal de communication privilégié',
    ru: 'Предпочтительный канал связи',
    zh: '首选联络渠道',
  },
  guidance: {
    ar: 'الوسيلة التي ينبغي للدولة متلقية الطلب أن تتصل بكم عبرها أولاً.',
    en: 'How the requested State should reach you first.',
    es: 'Medio por el que el Estado requerido debe contactarle en primer lugar.',
    fr: "Moyen par lequel l'État requis doit vous contacter en priorité.",
    ru: 'Способ, которым запрашиваемое государство должно связываться с вами в первую очередь.',
    zh: '被请求国应优先采用的联系方式。',
  },
});

export const conductingAuthority = field({
  id: 'conductingAuthority',
  kind: 'text',
  step: 'authority',
  required: true,
  source: 'UNTOC 18(15)(b)',
  label: {
    ar: 'السلطة القائمة بالتحقيق',
    en: 'Authority conducting the investigation',
    es: 'Autoridad a cargo de la investigación',
    fr: "Autorité chargée de l'enquête",
    ru: 'Орган, осуществляющий расследование',
    zh: '负责侦查的机关',
  },
  guidance: {
    ar: 'جهة الشرطة أو النيابة العامة أو المحكمة المسؤولة عن التحقيق أو الملاحقة القضائية أو الإجراءات.',
    en: 'The police, prosecution service or court in charge of the investigation, prosecution or proceedings.',
    es: 'Policía, fiscalía o tribunal a cargo de la investigación, el enjuiciamiento o el proceso.',
    fr: "Service de police, parquet ou juridiction chargé de l'enquête, des poursuites ou de la procédure.",
    ru: 'Орган полиции, прокуратуры или суд, ведущий расследование, уголовное преследование или судебное разбирательство.',
    zh: '负责侦查、起诉或诉讼程序的警察机关、检察机关或法院。',
  },
});

// ── facts ──────────────────────────────────────────────────────────────────────────────────────────────────

export const investigationTitle = field({
  id: 'investigationTitle',
  kind: 'text',
  step: 'facts',
  required: true,
  fromCase: 'title',
  source: 'UNTOC 18(15)(b)',
  label: {
    ar: 'موضوع التحقيق',
    en: 'Subject of the investigation',
    es: 'Objeto de la investigación',
    fr: "Objet de l'enquête",
    ru: 'Предмет расследования',
    zh: '侦查事项',
  },
  guidance: {
    ar: 'عنوان موجز يحدد القضية ورقمها المرجعي.',
    en: 'A short title naming the matter and the case reference.',
    es: 'Un título breve que identifique el asunto y su número de referencia.',
    fr: "Un intitulé bref désignant l'affaire et sa référence.",
    ru: 'Краткое наименование дела и его регистрационный номер.',
    zh: '简要标题，写明案件事由及案号。',
  },
});

export const natureOfProceedings = field({
  id: 'natureOfProceedings',
  kind: 'choice',
  step: 'facts',
  required: true,
  source: 'UNTOC 18(15)(b)',
  options: ['investigation', 'prosecution', 'judicial_proceedings'],
  optionLabels: [
    { ar: 'تحقيق جنائي', en: 'Criminal investigation', es: 'Investigación penal', fr: 'Enquête pénale', ru: 'Уголовное расследование', zh: '刑事侦查' },
    { ar: 'ملاحقة قضائية', en: 'Prosecution', es: 'Enjuiciamiento', fr: 'Poursuites', ru: 'Уголовное преследование', zh: '起诉' },
    { ar: 'إجراءات قضائية', en: 'Judicial proceedings', es: 'Proceso judicial', fr: 'Procédure judiciaire', ru: 'Судебное разбирательство', zh: '审判程序' },
  ],
  label: {
    ar: 'طبيعة الإجراءات',
    en: 'Nature of the proceedings',
    es: 'Naturaleza del procedimiento',
    fr: 'Nature de la procédure',
    ru: 'Характер производства',
    zh: '程序性质',
  },
  guidance: {
    ar: 'المرحلة التي بلغتها القضية؛ إذ لا تتيح بعض الدول تدابير معينة إلا في إطار إجراءات قضائية.',
    en: 'The stage the matter has reached; some States grant certain measures only in judicial proceedings.',
    es: 'Fase en que se encuentra el asunto; algunos Estados solo conceden ciertas medidas en el marco de un proceso judicial.',
    fr: "Stade atteint par l'affaire ; certains États n'accordent certaines mesures que dans le cadre d'une procédure judiciaire.",
    ru: 'Стадия, на которой находится дело; некоторые государства применяют отдельные меры только в рамках судебного производства.',
    zh: '案件所处的阶段；部分国家仅在司法程序中准予采取某些措施。',
  },
});

export const offences = field({
  id: 'offences',
  kind: 'offences',
  step: 'facts',
  required: true,
  fromCase: 'offences',
  source: 'UNTOC 18(15)(b), BC 29(2)(b)',
  label: {
    ar: 'الجرائم',
    en: 'Offences',
    es: 'Delitos',
    fr: 'Infractions',
    ru: 'Преступления',
    zh: '犯罪',
  },
  guidance: {
    ar: 'الجرائم موضوع التحقيق، مختارة من القائمة؛ وتقارنها الدولة متلقية الطلب بقانونها الداخلي.',
    en: 'The offences under investigation, from the catalogue; the requested State checks them against its own law.',
    es: 'Los delitos investigados, tomados del catálogo; el Estado requerido los coteja con su propio derecho.',
    fr: "Les infractions faisant l'objet de l'enquête, choisies dans le catalogue ; l'État requis les confronte à son propre droit.",
    ru: 'Расследуемые преступления из каталога; запрашиваемое государство сопоставляет их со своим законодательством.',
    zh: '从目录中选择的所侦查犯罪；被请求国将对照其本国法律进行审查。',
  },
});

export const offenceProvisions = field({
  id: 'offenceProvisions',
  kind: 'longtext',
  step: 'facts',
  required: true,
  source: 'UNODC MLA Request Writer Tool (legal basis); UN 24, BC 15',
  label: {
    ar: 'الأحكام القانونية والعقوبات',
    en: 'Legal provisions and penalties',
    es: 'Disposiciones legales y penas',
    fr: 'Dispositions légales et peines',
    ru: 'Правовые нормы и наказания',
    zh: '法律规定及刑罚',
  },
  guidance: {
    ar: 'أورد نص كل حكم وبيِّن العقوبة القصوى؛ إذ يُقيَّم على أساسها ازدواج التجريم وحدود العقوبة.',
    en: 'Quote the text of each provision and state the maximum penalty; dual criminality and penalty thresholds are assessed on it.',
    es: 'Transcriba el texto de cada disposición e indique la pena máxima; la doble incriminación y los umbrales de pena se evalúan sobre esa base.',
    fr: 'Citez le texte de chaque disposition et indiquez la peine maximale encourue ; la double incrimination et les seuils de peine sont appréciés sur cette base.',
    ru: 'Приведите текст каждой нормы и укажите максимальное наказание; на этой основе оцениваются обоюдная преступность и пороги наказуемости.',
    zh: '引述每一条款的原文并注明最高刑罚；双重犯罪和刑罚门槛据此评估。',
  },
});

export const summaryOfFacts = field({
  id: 'summaryOfFacts',
  kind: 'longtext',
  step: 'facts',
  required: true,
  fromCase: 'facts',
  source: 'UNTOC 18(15)(c), BC 29(2)(b)',
  label: {
    ar: 'موجز الوقائع',
    en: 'Summary of facts',
    es: 'Resumen de los hechos',
    fr: 'Exposé des faits',
    ru: 'Краткое изложение фактов',
    zh: '事实摘要',
  },
  guidance: {
    ar: 'ما حدث ومتى وأين ومن هم المعنيون؛ بما يكفي لكي ترى سلطة أجنبية غير مطلعة على القضية صلة ذلك بالمساعدة المطلوبة.',
    en: 'What happened, when and where, and who is involved; enough for a foreign authority unfamiliar with the case to see the link to the assistance sought.',
    es: 'Qué ocurrió, cuándo, dónde y quiénes intervienen; lo suficiente para que una autoridad extranjera que no conoce el caso vea el vínculo con la asistencia solicitada.',
    fr: "Ce qui s'est passé, quand, où et qui est impliqué ; assez pour qu'une autorité étrangère ne connaissant pas l'affaire voie le lien avec l'entraide demandée.",
    ru: 'Что произошло, когда, где и кто причастен; достаточно подробно, чтобы незнакомый с делом иностранный орган увидел связь с запрашиваемой помощью.',
    zh: '发生了什么、何时何地、涉及何人；应足以使不熟悉案情的外国机关看出其与所请求协助之间的关联。',
  },
});

// ── persons ────────────────────────────────────────────────────────────────────────────────────────────────

/** "Where possible" (UNTOC 18(15)(e)): optional unless a type needs the persons to act at all. */
export const persons = field({
  id: 'persons',
  kind: 'persons',
  step: 'persons',
  required: false,
  fromCase: 'persons',
  source: 'UNTOC 18(15)(e)',
  label: {
    ar: 'الأشخاص المعنيون',
    en: 'Persons concerned',
    es: 'Personas afectadas',
    fr: 'Personnes concernées',
    ru: 'Соответствующие лица',
    zh: '有关人员',
  },
  guidance: {
    ar: 'هوية كل شخص معني ومكان وجوده وجنسيته ودوره، حيثما أمكن.',
    en: 'Where possible, the identity, location and nationality of each person concerned, and their role.',
    es: 'En lo posible, la identidad, ubicación y nacionalidad de cada persona afectada, y su papel.',
    fr: "Dans la mesure du possible, l'identité, la localisation et la nationalité de chaque personne concernée, ainsi que son rôle.",
    ru: 'По возможности — личность, местонахождение и гражданство каждого соответствующего лица, а также его роль.',
    zh: '尽可能写明每名有关人员的身份、所在地、国籍及其所涉角色。',
  },
});

// ── assistance ─────────────────────────────────────────────────────────────────────────────────────────────

export const assistanceSought = field({
  id: 'assistanceSought',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'UNTOC 18(15)(d)',
  label: {
    ar: 'المساعدة المطلوبة',
    en: 'Assistance sought',
    es: 'Asistencia solicitada',
    fr: 'Entraide demandée',
    ru: 'Запрашиваемая помощь',
    zh: '所请求的协助',
  },
  guidance: {
    ar: 'كل تدبير مطلوب، موصوفاً بدقة تكفي لتنفيذه دون حاجة إلى استفسارات إضافية.',
    en: 'Each measure you ask for, precisely enough to be executed without further questions.',
    es: 'Cada medida solicitada, descrita con la precisión suficiente para ejecutarla sin más consultas.',
    fr: 'Chaque mesure sollicitée, décrite avec assez de précision pour être exécutée sans autre question.',
    ru: 'Каждая запрашиваемая мера, описанная достаточно точно, чтобы её можно было исполнить без дополнительных вопросов.',
    zh: '所请求的每项措施，描述须足够准确，使之无需进一步询问即可执行。',
  },
});

export const specialProcedure = field({
  id: 'specialProcedure',
  kind: 'longtext',
  step: 'assistance',
  required: false,
  source: 'UNTOC 18(15)(d), 18(17)',
  label: {
    ar: 'الإجراء الخاص',
    en: 'Special procedure',
    es: 'Procedimiento especial',
    fr: 'Procédure particulière',
    ru: 'Особая процедура',
    zh: '特别程序',
  },
  guidance: {
    ar: 'أي إجراء معين يتعين اتباعه لكي تكون النتائج مقبولة، مثل التصديق على السجلات أو قيم التجزئة أو حضور موظفيكم.',
    en: 'Any particular procedure to follow so the results are admissible, e.g. certification of records, hash values, presence of your officials.',
    es: 'Cualquier procedimiento particular que deba seguirse para que los resultados sean admisibles, p. ej., certificación de registros, valores hash, presencia de sus funcionarios.',
    fr: 'Toute procédure particulière à suivre pour que les résultats soient recevables, par ex. certification des pièces, empreintes numériques, présence de vos agents.',
    ru: 'Любая особая процедура, соблюдение которой необходимо для допустимости результатов, например заверение документов, хеш-значения, присутствие ваших должностных лиц.',
    zh: '为使所获结果可被采纳而须遵循的任何特定程序，例如记录认证、哈希值、贵方官员在场。',
  },
});

export const purpose = field({
  id: 'purpose',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'UNTOC 18(15)(f), 18(19)',
  label: {
    ar: 'الغرض',
    en: 'Purpose',
    es: 'Finalidad',
    fr: 'Finalité',
    ru: 'Цель',
    zh: '目的',
  },
  guidance: {
    ar: 'سبب طلب الأدلة أو المعلومات وكيفية استخدامها؛ ولا يجوز استخدامها لأي غرض آخر دون موافقة.',
    en: 'Why the evidence or information is sought and how it will be used; it may not be used for anything else without consent.',
    es: 'Por qué se solicitan las pruebas o la información y cómo se utilizarán; no podrán destinarse a otros fines sin consentimiento.',
    fr: 'Pourquoi les preuves ou informations sont demandées et comment elles seront utilisées ; elles ne peuvent servir à d’autres fins sans consentement.',
    ru: 'Для чего запрашиваются доказательства или сведения и как они будут использованы; без согласия их нельзя использовать в иных целях.',
    zh: '请求获取证据或信息的原因及其用途；未经同意不得用于其他目的。',
  },
});

// ── handling ───────────────────────────────────────────────────────────────────────────────────────────────

export const deadline = field({
  id: 'deadline',
  kind: 'date',
  step: 'handling',
  required: false,
  source: 'UNODC MLA Request Writer Tool; UNTOC 18(24)',
  label: {
    ar: 'الموعد النهائي المطلوب',
    en: 'Deadline requested',
    es: 'Plazo solicitado',
    fr: 'Délai demandé',
    ru: 'Запрашиваемый срок',
    zh: '所要求的期限',
  },
  guidance: {
    ar: 'التاريخ الذي تحتاجون فيه إلى النتائج، إن وُجد؛ مع بيان السبب أدناه (مثل موعد المحاكمة أو انقضاء مدة الاحتفاظ بالبيانات).',
    en: 'A date by which you need the results, if any; give the reason below (e.g. a trial date or a data-retention limit).',
    es: 'Fecha en la que necesita los resultados, en su caso; indique el motivo a continuación (p. ej., fecha del juicio o plazo de conservación de datos).',
    fr: "Date à laquelle les résultats sont nécessaires, le cas échéant ; indiquez-en la raison ci-dessous (par ex. date d'audience ou durée de conservation des données).",
    ru: 'Дата, к которой необходимы результаты, если таковая имеется; ниже укажите причину (например, дата судебного заседания или срок хранения данных).',
    zh: '如有需要，写明须获得结果的日期，并在下方说明理由（例如开庭日期或数据保存期限）。',
  },
});

export const deadlineReason = field({
  id: 'deadlineReason',
  kind: 'longtext',
  step: 'handling',
  required: false,
  requiredWhen: { field: 'deadline', present: true },
  source: 'UNODC MLA Request Writer Tool; UNTOC 18(24)',
  label: {
    ar: 'سبب الموعد النهائي',
    en: 'Reason for the deadline',
    es: 'Motivo del plazo',
    fr: 'Motif du délai',
    ru: 'Обоснование срока',
    zh: '期限理由',
  },
  guidance: {
    ar: 'أهمية هذا التاريخ؛ إذ تحدد الدول متلقية الطلبات أولوياتها بناءً على الأسباب المبينة.',
    en: 'Why the date matters; requested States prioritise on the reasons given.',
    es: 'Por qué es importante esa fecha; los Estados requeridos establecen prioridades según los motivos expuestos.',
    fr: 'Pourquoi cette date est importante ; les États requis fixent leurs priorités en fonction des motifs exposés.',
    ru: 'Почему эта дата важна; запрашиваемые государства определяют очерёдность исходя из приведённых причин.',
    zh: '说明该日期为何重要；被请求国根据所述理由确定优先次序。',
  },
});

export const confidentialityRequested = field({
  id: 'confidentialityRequested',
  kind: 'boolean',
  step: 'handling',
  required: false,
  source: 'UNTOC 18(20), BC 27(8)',
  label: {
    ar: 'سرية الطلب',
    en: 'Keep the request confidential',
    es: 'Confidencialidad de la solicitud',
    fr: 'Confidentialité de la demande',
    ru: 'Конфиденциальность запроса',
    zh: '对请求保密',
  },
  guidance: {
    ar: 'مطالبة الدولة متلقية الطلب بالحفاظ على سرية الطلب ومضمونه؛ وعليها أن تبلغكم فوراً إن تعذّر عليها ذلك.',
    en: 'Ask the requested State to keep the request and its contents confidential; it must tell you promptly if it cannot.',
    es: 'Pedir al Estado requerido que mantenga la reserva sobre la solicitud y su contenido; si no puede hacerlo, debe informarle sin demora.',
    fr: "Demander à l'État requis de garder le secret sur la demande et sur sa teneur ; il doit vous informer sans délai s'il ne peut s'y conformer.",
    ru: 'Просить запрашиваемое государство сохранить конфиденциальность запроса и его содержания; если это невозможно, оно должно незамедлительно сообщить вам.',
    zh: '要求被请求国对请求及其内容保密；如无法做到，被请求国须立即通知贵方。',
  },
});

export const confidentialityReason = field({
  id: 'confidentialityReason',
  kind: 'longtext',
  step: 'handling',
  required: false,
  requiredWhen: { field: 'confidentialityRequested', equals: true },
  source: 'UNTOC 18(20), BC 27(8)',
  label: {
    ar: 'سبب السرية',
    en: 'Reason for confidentiality',
    es: 'Motivo de la confidencialidad',
    fr: 'Motif de la confidentialité',
    ru: 'Обоснование конфиденциальности',
    zh: '保密理由',
  },
  guidance: {
    ar: 'ما قد يعرّضه الإفصاح للخطر، مثل التحقيق أو سلامة شخص ما أو الأدلة.',
    en: 'What disclosure would put at risk, e.g. the investigation, a person’s safety or evidence.',
    es: 'Lo que la divulgación pondría en riesgo, p. ej., la investigación, la seguridad de una persona o las pruebas.',
    fr: "Ce que la divulgation compromettrait, par ex. l'enquête, la sécurité d'une personne ou des preuves.",
    ru: 'Чему может повредить разглашение, например расследованию, безопасности лица или доказательствам.',
    zh: '泄露可能危及的事项，例如侦查、人身安全或证据。',
  },
});

export const otherUseConsent = field({
  id: 'otherUseConsent',
  kind: 'longtext',
  step: 'handling',
  required: false,
  source: 'UNTOC 18(19), BC 28(2)(b)',
  label: {
    ar: 'استخدامات أخرى يُلتمس الإذن بها',
    en: 'Other uses for which consent is sought',
    es: 'Otros usos para los que se solicita consentimiento',
    fr: 'Autres utilisations soumises à consentement',
    ru: 'Иное использование, на которое запрашивается согласие',
    zh: '需征得同意的其他用途',
  },
  guidance: {
    ar: 'الإجراءات أو السلطات، غير تلك المذكورة في الغرض، التي تلتمسون الآن الموافقة على استخدام النتائج فيها.',
    en: 'Proceedings or authorities, besides those named in the purpose, for which you ask now for consent to use the results.',
    es: 'Procedimientos o autoridades, distintos de los indicados en la finalidad, para los que solicita desde ahora consentimiento para utilizar los resultados.',
    fr: 'Procédures ou autorités, autres que celles visées dans la finalité, pour lesquelles vous sollicitez dès maintenant le consentement à l’utilisation des résultats.',
    ru: 'Производства или органы, помимо указанных в цели, для которых вы уже сейчас просите согласия на использование результатов.',
    zh: '除目的中所述者外，贵方现即请求同意使用所获结果的其他程序或机关。',
  },
});

/** The place for what a requested State's law additionally asks (profiles may make it required). */
export const additionalInformation = field({
  id: 'additionalInformation',
  kind: 'longtext',
  step: 'handling',
  required: false,
  label: {
    ar: 'معلومات إضافية',
    en: 'Additional information',
    es: 'Información adicional',
    fr: 'Informations complémentaires',
    ru: 'Дополнительная информация',
    zh: '补充信息',
  },
  guidance: {
    ar: 'أي معلومات أخرى يقتضيها قانون الدولة متلقية الطلب أو تيسر التنفيذ، مثل إفادة مشفوعة بيمين أو قائمة بالمرفقات.',
    en: 'Anything else the requested State’s law requires or that helps execution, e.g. a sworn statement or a list of attachments.',
    es: 'Cualquier otro elemento que exija el derecho del Estado requerido o que facilite la ejecución, p. ej., una declaración jurada o la lista de anexos.',
    fr: "Tout autre élément exigé par le droit de l'État requis ou utile à l'exécution, par ex. une déclaration sous serment ou la liste des pièces jointes.",
    ru: 'Иные сведения, требуемые законодательством запрашиваемого государства или облегчающие исполнение, например заявление под присягой или перечень приложений.',
    zh: '被请求国法律要求或有助于执行的其他任何信息，例如宣誓陈述或附件清单。',
  },
});
