/**
 * Fields about computer data: what to preserve or produce, where it is held, for which period, and the T-CY
 * preservation template items (BC 29(2)). Shared by the preservation, production, search, real-time and
 * emergency types.
 */
import { field } from './define.ts';
import { PRESERVATION_DAYS } from './numbers.ts';

// ── what and where ─────────────────────────────────────────────────────────────────────────────────────────

export const dataToPreserve = field({
  id: 'dataToPreserve',
  kind: 'list',
  step: 'assistance',
  required: true,
  source: 'BC 29(2)(c)',
  label: {
    ar: 'البيانات المطلوب حفظها',
    en: 'Data to preserve',
    es: 'Datos que deben conservarse',
    fr: 'Données à conserver',
    ru: 'Данные, подлежащие сохранению',
    zh: '需保全的数据',
  },
  guidance: {
    ar: 'معرِّف واحد في كل سطر: حساب، أو عنوان بريد إلكتروني، أو عنوان IP مع التاريخ والوقت والمنطقة الزمنية، أو عنوان URL، أو اسم نطاق.',
    en: 'One identifier per line: account, e-mail address, IP address with date, time and time zone, URL, domain.',
    es: 'Un identificador por línea: cuenta, dirección de correo electrónico, dirección IP con fecha, hora y huso horario, URL, dominio.',
    fr: 'Un identifiant par ligne : compte, adresse électronique, adresse IP avec date, heure et fuseau horaire, URL, nom de domaine.',
    ru: 'По одному идентификатору на строку: учётная запись, адрес электронной почты, IP-адрес с датой, временем и часовым поясом, URL, доменное имя.',
    zh: '每行一个标识符：账户、电子邮件地址、附日期时间和时区的 IP 地址、URL、域名。',
  },
});

export const dataSought = field({
  id: 'dataSought',
  kind: 'list',
  step: 'assistance',
  required: true,
  source: 'UNTOC 18(15)(d), BC 31, SAP 9(3)',
  label: {
    ar: 'البيانات المطلوبة',
    en: 'Data sought',
    es: 'Datos solicitados',
    fr: 'Données demandées',
    ru: 'Запрашиваемые данные',
    zh: '所请求的数据',
  },
  guidance: {
    ar: 'معرِّف واحد في كل سطر (حساب، أو عنوان بريد إلكتروني، أو عنوان IP مع التاريخ والوقت والمنطقة الزمنية، أو عنوان URL، أو اسم نطاق) تُطلب البيانات المتعلقة به.',
    en: 'One identifier per line (account, e-mail address, IP address with date, time and time zone, URL, domain) whose data you ask for.',
    es: 'Un identificador por línea (cuenta, correo electrónico, dirección IP con fecha, hora y huso horario, URL, dominio) cuyos datos se solicitan.',
    fr: 'Un identifiant par ligne (compte, adresse électronique, adresse IP avec date, heure et fuseau horaire, URL, nom de domaine) dont les données sont demandées.',
    ru: 'По одному идентификатору на строку (учётная запись, адрес электронной почты, IP-адрес с датой, временем и часовым поясом, URL, доменное имя), данные по которому запрашиваются.',
    zh: '每行一个所请求数据对应的标识符（账户、电子邮件地址、附日期时间和时区的 IP 地址、URL、域名）。',
  },
});

/** All three categories; types narrow it with `withOptions`. */
export const dataCategories = field({
  id: 'dataCategories',
  kind: 'choices',
  step: 'assistance',
  required: true,
  source: 'BC 1, BC 18(3); T-CY template',
  options: ['subscriber', 'traffic', 'content'],
  optionLabels: [
    { ar: 'معلومات المشتركين', en: 'Subscriber information', es: 'Información sobre los abonados', fr: 'Données relatives aux abonnés', ru: 'Сведения об абонентах', zh: '订户信息' },
    { ar: 'بيانات الحركة', en: 'Traffic data', es: 'Datos relativos al tráfico', fr: 'Données relatives au trafic', ru: 'Данные о трафике', zh: '流量数据' },
    { ar: 'بيانات المحتوى', en: 'Content data', es: 'Datos relativos al contenido', fr: 'Données relatives au contenu', ru: 'Данные о содержании', zh: '内容数据' },
  ],
  label: {
    ar: 'فئات البيانات',
    en: 'Categories of data',
    es: 'Categorías de datos',
    fr: 'Catégories de données',
    ru: 'Категории данных',
    zh: '数据类别',
  },
  guidance: {
    ar: 'معلومات المشتركين تحدد هوية المستخدم؛ وبيانات الحركة تبيّن الاتصالات؛ والمحتوى هو الاتصالات ذاتها.',
    en: 'Subscriber information identifies the user; traffic data shows connections; content is the communications themselves.',
    es: 'La información sobre los abonados identifica al usuario; los datos relativos al tráfico muestran las conexiones; el contenido son las propias comunicaciones.',
    fr: 'Les données relatives aux abonnés identifient l’utilisateur ; les données relatives au trafic retracent les connexions ; le contenu désigne les communications elles-mêmes.',
    ru: 'Сведения об абонентах позволяют установить пользователя; данные о трафике отражают соединения; содержание — это сами сообщения.',
    zh: '订户信息用于识别用户；流量数据显示连接情况；内容数据即通信内容本身。',
  },
});

export const dataPeriod = field({
  id: 'dataPeriod',
  kind: 'period',
  step: 'assistance',
  required: false,
  source: 'T-CY template',
  label: {
    ar: 'الفترة التي تغطيها البيانات',
    en: 'Period of the data',
    es: 'Período de los datos',
    fr: 'Période couverte',
    ru: 'Период, за который запрашиваются данные',
    zh: '数据所涉期间',
  },
  guidance: {
    ar: 'التاريخ الأول والأخير (أو التاريخ والوقت) للبيانات المعنية؛ وكلما ضاقت الفترة كان التنفيذ أسرع.',
    en: 'First and last date (or date and time) of the data concerned; a narrow period is executed faster.',
    es: 'Primera y última fecha (o fecha y hora) de los datos de que se trate; un período acotado se ejecuta con mayor rapidez.',
    fr: 'Première et dernière date (ou date et heure) des données visées ; une période restreinte est traitée plus rapidement.',
    ru: 'Начальная и конечная дата (или дата и время) соответствующих данных; узкий период позволяет исполнить запрос быстрее.',
    zh: '有关数据的起止日期（或日期和时间）；期间越窄，执行越快。',
  },
});

export const relationToOffence = field({
  id: 'relationToOffence',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'BC 29(2)(c)',
  label: {
    ar: 'الصلة بالجريمة',
    en: 'Relation to the offence',
    es: 'Relación con el delito',
    fr: "Lien avec l'infraction",
    ru: 'Связь с преступлением',
    zh: '与犯罪的关联',
  },
  guidance: {
    ar: 'كيف ترتبط البيانات بالجريمة ولماذا يُتوقع أن تكون ذات صلة.',
    en: 'How the data is linked to the offence and why it is expected to be relevant.',
    es: 'Cómo se vinculan los datos con el delito y por qué se espera que sean pertinentes.',
    fr: "En quoi les données se rattachent à l'infraction et pourquoi elles devraient être pertinentes.",
    ru: 'Как данные связаны с преступлением и почему ожидается, что они будут иметь значение.',
    zh: '数据与犯罪有何关联，以及为何预期其具有相关性。',
  },
});

export const custodian = field({
  id: 'custodian',
  kind: 'text',
  step: 'assistance',
  required: true,
  source: 'BC 29(2)(d), SAP 9(3)',
  label: {
    ar: 'الجهة الحائزة للبيانات أو مكانها',
    en: 'Custodian or location of the data',
    es: 'Custodio o ubicación de los datos',
    fr: 'Détenteur ou emplacement des données',
    ru: 'Владелец или местонахождение данных',
    zh: '数据保管人或所在地',
  },
  guidance: {
    ar: 'مقدم الخدمة الذي يحوز البيانات، أو مكان وجود النظام، بأكبر قدر ممكن من الدقة.',
    en: 'The service provider holding the data, or where the system is, as precisely as known.',
    es: 'El proveedor de servicios que custodia los datos, o la ubicación del sistema, con la mayor precisión posible.',
    fr: 'Le fournisseur de services qui détient les données, ou l’emplacement du système, aussi précisément que possible.',
    ru: 'Поставщик услуг, у которого хранятся данные, или местонахождение системы — настолько точно, насколько известно.',
    zh: '持有数据的服务提供者或系统所在地点，尽可能准确。',
  },
});

// ── preservation (T-CY template, BC 29(2)) ─────────────────────────────────────────────────────────────────

export const preservationNecessity = field({
  id: 'preservationNecessity',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'BC 29(2)(e)',
  label: {
    ar: 'ضرورة الحفظ',
    en: 'Why preservation is necessary',
    es: 'Necesidad de la conservación',
    fr: 'Nécessité de la conservation',
    ru: 'Необходимость сохранения',
    zh: '保全的必要性',
  },
  guidance: {
    ar: 'خطر ضياع البيانات أو تعديلها، مثل قِصَر مدد الاحتفاظ بها أو قدرة المشتبه فيه على حذفها.',
    en: 'The risk that the data will be lost or modified, e.g. short retention periods or a suspect able to delete it.',
    es: 'El riesgo de que los datos se pierdan o modifiquen, p. ej., plazos de conservación breves o un sospechoso capaz de borrarlos.',
    fr: 'Le risque que les données soient perdues ou modifiées, par ex. courtes durées de conservation ou suspect en mesure de les effacer.',
    ru: 'Риск утраты или изменения данных, например из-за коротких сроков хранения или возможности их удаления подозреваемым.',
    zh: '数据丢失或被修改的风险，例如保存期限较短或嫌疑人能够删除数据。',
  },
});

/** Must be true: the completeness checker refuses `false` (BC 29(2)(f)). */
export const mlaWillFollow = field({
  id: 'mlaWillFollow',
  kind: 'boolean',
  step: 'assistance',
  required: true,
  source: 'BC 29(2)(f)',
  label: {
    ar: 'سيُقدَّم لاحقاً طلب مساعدة قانونية متبادلة',
    en: 'A mutual legal assistance request will follow',
    es: 'Se presentará una solicitud de asistencia judicial recíproca',
    fr: 'Une demande d’entraide judiciaire suivra',
    ru: 'Будет направлен запрос о взаимной правовой помощи',
    zh: '随后将提出司法协助请求',
  },
  guidance: {
    ar: 'إلزامي: الحفظ مجرد تدبير تحفظي؛ ولا يُكشف عن البيانات إلا بناءً على طلب لاحق بتقديمها.',
    en: 'Required: preservation is only a holding measure; the data is disclosed only on a later request for production.',
    es: 'Obligatorio: la conservación es solo una medida cautelar; los datos únicamente se entregan en virtud de una solicitud posterior de presentación.',
    fr: 'Obligatoire : la conservation n’est qu’une mesure conservatoire ; les données ne sont communiquées que sur demande ultérieure de production.',
    ru: 'Обязательно: сохранение — лишь обеспечительная мера; данные предоставляются только по последующему запросу об их предоставлении.',
    zh: '必填：保全仅为临时措施；只有在后续提出调取请求后才会披露数据。',
  },
});

export const preservationDays = field({
  id: 'preservationDays',
  kind: 'integer',
  step: 'assistance',
  required: true,
  source: PRESERVATION_DAYS.source,
  label: {
    ar: 'مدة الحفظ (بالأيام)',
    en: 'Preservation period (days)',
    es: 'Período de conservación (días)',
    fr: 'Durée de conservation (jours)',
    ru: 'Срок сохранения (дней)',
    zh: '保全期限（天）',
  },
  guidance: {
    ar: 'ما بين 60 و90 يوماً؛ ثم تحتفظ الدولة متلقية الطلب بالبيانات إلى حين البت في الطلب اللاحق، ويجوز طلب التمديد.',
    en: 'Between 60 and 90 days; the requested State then holds the data until the follow-up request is decided, and an extension can be asked.',
    es: 'Entre 60 y 90 días; el Estado requerido conserva después los datos hasta que se resuelva la solicitud posterior, y puede pedirse una prórroga.',
    fr: 'Entre 60 et 90 jours ; l’État requis conserve ensuite les données jusqu’à la décision sur la demande ultérieure, et une prolongation peut être demandée.',
    ru: 'От 60 до 90 дней; затем запрашиваемое государство хранит данные до решения по последующему запросу; возможно продление.',
    zh: '60 至 90 天；此后被请求国将保存数据直至就后续请求作出决定，并可申请延期。',
  },
});

export const doNotNotify = field({
  id: 'doNotNotify',
  kind: 'boolean',
  step: 'handling',
  required: true,
  source: 'T-CY template; BC 16(3)',
  label: {
    ar: 'عدم إخطار المستخدم',
    en: 'Do not notify the user',
    es: 'No notificar al usuario',
    fr: "Ne pas informer l'utilisateur",
    ru: 'Не уведомлять пользователя',
    zh: '不得通知用户',
  },
  guidance: {
    ar: 'مطالبة مقدم الخدمة بعدم إبلاغ صاحب الحساب، حتى لا يُعرَّض التحقيق للخطر.',
    en: 'Ask that the provider not inform the account holder, so the investigation is not compromised.',
    es: 'Pedir que el proveedor no informe al titular de la cuenta, para no comprometer la investigación.',
    fr: "Demander que le fournisseur n'informe pas le titulaire du compte, afin de ne pas compromettre l'enquête.",
    ru: 'Просить, чтобы поставщик не информировал владельца учётной записи, чтобы не поставить под угрозу расследование.',
    zh: '要求服务提供者不告知账户持有人，以免妨碍侦查。',
  },
});

export const isExtension = field({
  id: 'isExtension',
  kind: 'boolean',
  step: 'handling',
  required: false,
  source: 'T-CY template; BC 16(2)',
  label: {
    ar: 'تمديد حفظ سابق',
    en: 'Extension of an earlier preservation',
    es: 'Prórroga de una conservación anterior',
    fr: "Prolongation d'une conservation antérieure",
    ru: 'Продление ранее обеспеченного сохранения',
    zh: '延长先前的保全',
  },
  guidance: {
    ar: 'اختر هذا الخيار إذا كان هذا الطلب يمدد حفظاً سارياً بالفعل.',
    en: 'Tick if this request extends a preservation already in place.',
    es: 'Marque esta casilla si la solicitud prorroga una conservación ya en curso.',
    fr: 'Cochez si la présente demande prolonge une conservation déjà en cours.',
    ru: 'Отметьте, если настоящий запрос продлевает уже действующее сохранение.',
    zh: '如本请求系延长已在实施的保全，请勾选。',
  },
});

export const previousRequestReference = field({
  id: 'previousRequestReference',
  kind: 'text',
  step: 'handling',
  required: false,
  requiredWhen: { field: 'isExtension', equals: true },
  source: 'T-CY template',
  label: {
    ar: 'مرجع الطلب السابق',
    en: 'Previous request reference',
    es: 'Referencia de la solicitud anterior',
    fr: 'Référence de la demande antérieure',
    ru: 'Номер предыдущего запроса',
    zh: '先前请求编号',
  },
  guidance: {
    ar: 'الرقم المرجعي لطلب الحفظ المراد تمديده، كما حددته الدولة متلقية الطلب.',
    en: 'The reference of the preservation request being extended, as given by the requested State.',
    es: 'La referencia, asignada por el Estado requerido, de la solicitud de conservación que se prorroga.',
    fr: "La référence, attribuée par l'État requis, de la demande de conservation prolongée.",
    ru: 'Номер продлеваемого запроса о сохранении, присвоенный запрашиваемым государством.',
    zh: '被请求国为所延长的保全请求编定的编号。',
  },
});

export const communicationToTrace = field({
  id: 'communicationToTrace',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'BC 30',
  label: {
    ar: 'الاتصال المراد تتبعه',
    en: 'Communication to trace',
    es: 'Comunicación que debe rastrearse',
    fr: 'Communication à retracer',
    ru: 'Отслеживаемое сообщение',
    zh: '需追溯的通信',
  },
  guidance: {
    ar: 'الاتصال المراد تتبعه (التاريخ والوقت والمنطقة الزمنية والمصدر والوجهة)؛ ويُكشف عن قدر من بيانات الحركة يكفي لتحديد مقدمي الخدمات الآخرين ومسار الإرسال.',
    en: 'The communication to trace (date, time, time zone, source, destination); enough traffic data is disclosed to identify other providers and the path.',
    es: 'La comunicación que debe rastrearse (fecha, hora, huso horario, origen, destino); se revelan datos relativos al tráfico suficientes para identificar a otros proveedores y la vía de transmisión.',
    fr: 'La communication à retracer (date, heure, fuseau horaire, source, destination) ; sont communiquées les données relatives au trafic suffisantes pour identifier les autres fournisseurs et la voie de transmission.',
    ru: 'Сообщение, которое нужно отследить (дата, время, часовой пояс, источник, адресат); раскрывается объём данных о трафике, достаточный для установления других поставщиков и пути передачи.',
    zh: '需追溯的通信（日期、时间、时区、来源、目的地）；将披露足以识别其他服务提供者及传输路径的流量数据。',
  },
});

// ── search and real-time measures ──────────────────────────────────────────────────────────────────────────

export const searchLocations = field({
  id: 'searchLocations',
  kind: 'list',
  step: 'assistance',
  required: true,
  source: 'BC 31, BC 19',
  label: {
    ar: 'الأماكن أو النظم المراد تفتيشها',
    en: 'Places or systems to search',
    es: 'Lugares o sistemas que deben registrarse',
    fr: 'Lieux ou systèmes à perquisitionner',
    ru: 'Места или системы для обыска',
    zh: '需搜查的场所或系统',
  },
  guidance: {
    ar: 'واحد في كل سطر: المباني أو الأجهزة أو النظم الحاسوبية، بأكبر قدر ممكن من الدقة.',
    en: 'One per line: premises, devices or computer systems, as precisely as known.',
    es: 'Uno por línea: locales, dispositivos o sistemas informáticos, con la mayor precisión posible.',
    fr: 'Un par ligne : locaux, appareils ou systèmes informatiques, aussi précisément que possible.',
    ru: 'По одному на строку: помещения, устройства или компьютерные системы — настолько точно, насколько известно.',
    zh: '每行一项：场所、设备或计算机系统，尽可能准确。',
  },
});

export const itemsToSeize = field({
  id: 'itemsToSeize',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'BC 19(3)',
  label: {
    ar: 'البيانات أو الأشياء المراد ضبطها',
    en: 'Data or items to seize',
    es: 'Datos u objetos que deben incautarse',
    fr: 'Données ou objets à saisir',
    ru: 'Данные или предметы, подлежащие изъятию',
    zh: '需扣押的数据或物品',
  },
  guidance: {
    ar: 'ما يتعين ضبطه أو نسخه، وكيفية ضمان سلامته (مثل النسخ الجنائية المقترنة بقيم التجزئة).',
    en: 'What is to be seized or copied, and how integrity is to be secured (e.g. forensic copies with hash values).',
    es: 'Lo que debe incautarse o copiarse y cómo garantizar su integridad (p. ej., copias forenses con valores hash).',
    fr: 'Ce qui doit être saisi ou copié, et comment en garantir l’intégrité (par ex. copies forensiques avec empreintes numériques).',
    ru: 'Что подлежит изъятию или копированию и как обеспечить целостность (например, криминалистические копии с хеш-значениями).',
    zh: '需扣押或复制的内容，以及如何确保其完整性（例如附哈希值的取证副本）。',
  },
});

export const targetIdentifiers = field({
  id: 'targetIdentifiers',
  kind: 'list',
  step: 'assistance',
  required: true,
  source: 'BC 33, BC 34',
  label: {
    ar: 'المعرِّفات المستهدفة',
    en: 'Target identifiers',
    es: 'Identificadores objetivo',
    fr: 'Identifiants visés',
    ru: 'Идентификаторы объекта',
    zh: '目标标识符',
  },
  guidance: {
    ar: 'واحد في كل سطر: الحسابات أو الأرقام أو العناوين المراد جمع اتصالاتها.',
    en: 'One per line: the accounts, numbers or addresses whose communications are to be collected.',
    es: 'Uno por línea: las cuentas, números o direcciones cuyas comunicaciones deben obtenerse.',
    fr: 'Un par ligne : comptes, numéros ou adresses dont les communications doivent être collectées.',
    ru: 'По одному на строку: учётные записи, номера или адреса, сведения о сообщениях которых подлежат сбору.',
    zh: '每行一项：需收集其通信的账户、号码或地址。',
  },
});

export const collectionPeriod = field({
  id: 'collectionPeriod',
  kind: 'period',
  step: 'assistance',
  required: true,
  source: 'UN 24, BC 15 (limits on duration)',
  label: {
    ar: 'فترة الجمع',
    en: 'Collection period',
    es: 'Período de obtención',
    fr: 'Période de collecte',
    ru: 'Период сбора',
    zh: '收集期间',
  },
  guidance: {
    ar: 'بداية الجمع ونهايته؛ وينبغي أن تكون أقصر ما يسمح به التحقيق.',
    en: 'Start and end of collection; keep it as short as the investigation allows.',
    es: 'Inicio y fin de la obtención; debe ser tan breve como lo permita la investigación.',
    fr: 'Début et fin de la collecte ; la limiter au strict nécessaire pour l’enquête.',
    ru: 'Начало и окончание сбора; срок должен быть настолько коротким, насколько позволяет расследование.',
    zh: '收集的起止时间；应在侦查允许的范围内尽量缩短。',
  },
});
