/**
 * Fields that carry a safeguard (UN 24, BC 15, UN 2): the proportionality statement of intrusive measures, and the
 * emergency justification with the oral-request record of emergency types. Shared by every type that needs them.
 */
import { field, variant } from './define.ts';

/**
 * Required wherever a type has the `proportionality` safeguard; those types also have `judicial_authorization`,
 * which the guidance announces (the approval is a separate step of the workflow, not a field).
 */
export const proportionality = field({
  id: 'proportionality',
  kind: 'longtext',
  step: 'safeguards',
  required: true,
  source: 'UN 24, BC 15',
  label: {
    ar: 'بيان التناسب',
    en: 'Proportionality statement',
    es: 'Declaración de proporcionalidad',
    fr: 'Déclaration de proportionnalité',
    ru: 'Обоснование соразмерности',
    zh: '相称性说明',
  },
  guidance: {
    ar: 'سبب ضرورة التدبير، وسبب اقتصار نطاقه ومدته على ما يلزم، وسبب عدم كفاية وسائل أقل تدخلاً. ثم يوافق على الطلب شخص مأذون له غير محرره، مع الإشارة إلى القرار القضائي أو القرار الصادر عن جهة مستقلة.',
    en: 'Why the measure is necessary, why its scope and duration are limited to what is needed, and why less intrusive means would not suffice. An authorizer other than the drafter then approves the request, citing the judicial or independent decision.',
    es: 'Por qué la medida es necesaria, por qué su alcance y duración se limitan a lo indispensable y por qué no bastarían medios menos invasivos. Después, una autoridad habilitada distinta del redactor aprueba la solicitud citando la decisión judicial o independiente.',
    fr: 'Pourquoi la mesure est nécessaire, pourquoi sa portée et sa durée sont limitées au strict nécessaire, et pourquoi des moyens moins intrusifs ne suffiraient pas. Une autorité habilitée, distincte du rédacteur, approuve ensuite la demande en visant la décision judiciaire ou indépendante.',
    ru: 'Почему мера необходима, почему её объём и срок ограничены необходимым и почему менее ограничительных средств недостаточно. Затем запрос утверждает уполномоченное лицо, не являющееся его составителем, со ссылкой на судебное или иное независимое решение.',
    zh: '说明该措施为何必要、其范围和期限为何仅限于所需，以及为何侵扰性较小的手段不足以达到目的。随后由起草人以外的授权人员批准请求，并援引司法或独立机关的决定。',
  },
});

/** The same statement where the type does not demand it; a requested State's profile may (`extraRequired`). */
export const proportionalityOptional = variant(proportionality, {
  required: false,
  guidance: {
    ar: 'سبب ضرورة التدبير، وسبب اقتصار نطاقه ومدته على ما يلزم، وسبب عدم كفاية وسائل أقل تدخلاً؛ وتشترطه بعض الدول متلقية الطلبات.',
    en: 'Why the measure is necessary, why its scope and duration are limited to what is needed, and why less intrusive means would not suffice; some requested States require it.',
    es: 'Por qué la medida es necesaria, por qué su alcance y duración se limitan a lo indispensable y por qué no bastarían medios menos invasivos; algunos Estados requeridos la exigen.',
    fr: 'Pourquoi la mesure est nécessaire, pourquoi sa portée et sa durée sont limitées au strict nécessaire, et pourquoi des moyens moins intrusifs ne suffiraient pas ; certains États requis l’exigent.',
    ru: 'Почему мера необходима, почему её объём и срок ограничены необходимым и почему менее ограничительных средств недостаточно; некоторые запрашиваемые государства этого требуют.',
    zh: '说明该措施为何必要、其范围和期限为何仅限于所需，以及为何侵扰性较小的手段不足以达到目的；部分被请求国要求提供此项说明。',
  },
});

export const emergencyFacts = field({
  id: 'emergencyFacts',
  kind: 'longtext',
  step: 'facts',
  required: true,
  source: 'UN 2, SAP 3(2)(c) (?), SAP 9(3)',
  label: {
    ar: 'الوقائع التي تثبت حالة الطوارئ',
    en: 'Facts showing the emergency',
    es: 'Hechos que acreditan la emergencia',
    fr: "Faits établissant l'urgence",
    ru: 'Факты, подтверждающие чрезвычайную ситуацию',
    zh: '表明紧急情况的事实',
  },
  guidance: {
    ar: 'الخطر الكبير والوشيك على حياة شخص طبيعي أو سلامته: من المعرَّض للخطر، وما مصدره، ومدى قربه.',
    en: 'The significant and imminent risk to the life or safety of a natural person: who is at risk, from what, and how soon.',
    es: 'El riesgo considerable e inminente para la vida o la seguridad de una persona física: quién corre peligro, por qué causa y con qué inminencia.',
    fr: 'Le risque important et imminent pour la vie ou la sécurité d’une personne physique : qui est menacé, par quoi et dans quel délai.',
    ru: 'Значительная и непосредственная угроза жизни или безопасности физического лица: кому угрожает опасность, в чём она состоит и насколько она близка.',
    zh: '自然人的生命或安全面临的重大且紧迫的风险：何人面临风险、风险来源以及紧迫程度。',
  },
});

export const emergencyDataRelation = field({
  id: 'emergencyDataRelation',
  kind: 'longtext',
  step: 'facts',
  required: true,
  source: 'SAP 9(3), SAP 10(3) (?)',
  label: {
    ar: 'صلة البيانات بحالة الطوارئ',
    en: 'How the data relates to the emergency',
    es: 'Relación de los datos con la emergencia',
    fr: "Lien entre les données et l'urgence",
    ru: 'Связь данных с чрезвычайной ситуацией',
    zh: '数据与紧急情况的关联',
  },
  guidance: {
    ar: 'سبب الحاجة إلى هذه البيانات لدرء الخطر، مثل تحديد مكان الضحية أو هوية مصدر التهديدات.',
    en: 'Why these data are needed to avert the risk, e.g. to locate the victim or identify the person making threats.',
    es: 'Por qué estos datos son necesarios para evitar el riesgo, p. ej., localizar a la víctima o identificar a quien profiere las amenazas.',
    fr: 'Pourquoi ces données sont nécessaires pour écarter le risque, par ex. localiser la victime ou identifier l’auteur des menaces.',
    ru: 'Почему эти данные необходимы для предотвращения угрозы, например для установления местонахождения потерпевшего или личности лица, высказывающего угрозы.',
    zh: '为何需要这些数据来避免风险，例如确定被害人的位置或识别发出威胁的人。',
  },
});

export const madeOrally = field({
  id: 'madeOrally',
  kind: 'boolean',
  step: 'handling',
  required: false,
  source: 'SAP 9(4) (?), SAP 10(2) (?)',
  label: {
    ar: 'قُدِّم الطلب شفوياً في البداية',
    en: 'Request first made orally',
    es: 'Solicitud formulada primero verbalmente',
    fr: "Demande formulée d'abord oralement",
    ru: 'Запрос первоначально сделан устно',
    zh: '请求最初以口头方式提出',
  },
  guidance: {
    ar: 'اختر هذا الخيار إذا قُدِّم الطلب أولاً بالهاتف أو شخصياً؛ ويجب عندئذ تأكيده كتابةً على وجه السرعة.',
    en: 'Tick if the request was first made by telephone or in person; it must then be confirmed in writing promptly.',
    es: 'Marque esta casilla si la solicitud se formuló primero por teléfono o en persona; en tal caso debe confirmarse por escrito sin demora.',
    fr: "Cochez si la demande a d'abord été faite par téléphone ou en personne ; elle doit alors être confirmée par écrit sans délai.",
    ru: 'Отметьте, если запрос был сначала сделан по телефону или лично; в этом случае он должен быть незамедлительно подтверждён в письменной форме.',
    zh: '如请求最初通过电话或当面提出，请勾选；此后须及时以书面形式确认。',
  },
});

export const oralRequestAt = field({
  id: 'oralRequestAt',
  kind: 'datetime',
  step: 'handling',
  required: false,
  requiredWhen: { field: 'madeOrally', equals: true },
  source: 'SAP 9(4) (?), SAP 10(2) (?)',
  label: {
    ar: 'تاريخ الطلب الشفوي ووقته',
    en: 'Date and time of the oral request',
    es: 'Fecha y hora de la solicitud verbal',
    fr: 'Date et heure de la demande orale',
    ru: 'Дата и время устного запроса',
    zh: '口头请求的日期和时间',
  },
  guidance: {
    ar: 'مع فارق التوقيت أو الرمز Z، مثل 2026-03-03T02:25:00+01:00؛ ويُحسب منه أجل التأكيد الكتابي.',
    en: 'With the offset or Z, e.g. 2026-03-03T02:25:00+01:00; the written-confirmation deadline runs from it.',
    es: 'Con el desfase horario o Z, p. ej., 2026-03-03T02:25:00+01:00; el plazo de confirmación por escrito se computa a partir de ese momento.',
    fr: 'Avec le décalage horaire ou Z, par ex. 2026-03-03T02:25:00+01:00 ; le délai de confirmation écrite court à compter de ce moment.',
    ru: 'Со смещением от UTC или Z, например 2026-03-03T02:25:00+01:00; от этого момента исчисляется срок письменного подтверждения.',
    zh: '须含时差或 Z，例如 2026-03-03T02:25:00+01:00；书面确认期限自该时刻起算。',
  },
});
