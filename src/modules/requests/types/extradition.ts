/**
 * Extradition (BC 24, UNTOC 16, UN 37 (?)) and provisional arrest pending an extradition request (UNTOC 16(9)).
 * Both are intrusive (arrest, surrender), require dual criminality with a penalty of at least one year in both
 * States (BC 24(1)), and carry the extradition assurances: death penalty, double jeopardy, speciality.
 */
import type { RequestTypeDefinition } from '../model.ts';
import { BASIC_HANDLING, CENTRAL_AUTHORITY_CONTACT } from './blocks.ts';
import { defineType, field, optional, required } from './define.ts';
import { proportionality } from './fields-safeguards.ts';
import { investigationTitle, offenceProvisions, offences, summaryOfFacts } from './fields.ts';
import { PENALTY_THRESHOLD_YEARS } from './numbers.ts';

// ── the person ─────────────────────────────────────────────────────────────────────────────────────────────

export const personSought = field({
  id: 'personSought',
  kind: 'persons',
  step: 'persons',
  required: true,
  fromCase: 'persons',
  source: 'UNTOC 16; UN Model Treaty on Extradition art. 5(2)(a) (?)',
  label: {
    ar: 'الشخص المطلوب',
    en: 'Person sought',
    es: 'Persona reclamada',
    fr: 'Personne recherchée',
    ru: 'Разыскиваемое лицо',
    zh: '被请求人',
  },
  guidance: {
    ar: 'الهوية الكاملة للشخص المطلوب توقيفه أو تسليمه، وأسماؤه المستعارة وجنسيته.',
    en: 'Full identity, aliases and nationality of the person whose arrest or surrender is requested.',
    es: 'Identidad completa, alias y nacionalidad de la persona cuya detención o entrega se solicita.',
    fr: "Identité complète, alias et nationalité de la personne dont l'arrestation ou la remise est demandée.",
    ru: 'Полные установочные данные, псевдонимы и гражданство лица, арест или выдача которого запрашивается.',
    zh: '被请求逮捕或移交人员的完整身份、别名和国籍。',
  },
});

export const personDescription = field({
  id: 'personDescription',
  kind: 'longtext',
  step: 'persons',
  required: true,
  source: 'UN Model Treaty on Extradition art. 5(2)(a) (?)',
  label: {
    ar: 'أوصاف الشخص',
    en: 'Description of the person',
    es: 'Descripción de la persona',
    fr: 'Signalement de la personne',
    ru: 'Описание лица',
    zh: '人员特征',
  },
  guidance: {
    ar: 'الأوصاف الجسدية ووثائق الهوية والصور وبصمات الأصابع المتاحة، بما يتيح التعرف على هويته.',
    en: 'Physical description, identity documents, photographs and fingerprints available, to allow identification.',
    es: 'Señas personales, documentos de identidad, fotografías y huellas dactilares disponibles, que permitan la identificación.',
    fr: "Signalement, documents d'identité, photographies et empreintes digitales disponibles, permettant l'identification.",
    ru: 'Приметы, документы, удостоверяющие личность, имеющиеся фотографии и отпечатки пальцев для установления личности.',
    zh: '可供识别的体貌特征、身份证件、照片和指纹。',
  },
});

export const personNationality = field({
  id: 'personNationality',
  kind: 'text',
  step: 'persons',
  required: true,
  source: 'UNTOC 16(10), BC 24(6)',
  label: {
    ar: 'جنسية الشخص المطلوب',
    en: 'Nationality of the person sought',
    es: 'Nacionalidad de la persona reclamada',
    fr: 'Nationalité de la personne recherchée',
    ru: 'Гражданство разыскиваемого лица',
    zh: '被请求人国籍',
  },
  guidance: {
    ar: 'جميع الجنسيات المعروفة؛ إذ يتعين على الدولة التي لا تسلّم مواطنيها أن تنظر حينئذ في ملاحقتهم قضائياً بنفسها.',
    en: 'All nationalities known; a State that does not extradite its nationals must then consider prosecuting itself.',
    es: 'Todas las nacionalidades conocidas; el Estado que no extradita a sus nacionales debe entonces considerar el enjuiciamiento por sí mismo.',
    fr: "Toutes les nationalités connues ; un État qui n'extrade pas ses ressortissants doit alors envisager de poursuivre lui-même.",
    ru: 'Все известные гражданства; государство, не выдающее своих граждан, должно в таком случае рассмотреть вопрос об их уголовном преследовании.',
    zh: '所有已知国籍；不引渡本国国民的国家须考虑自行起诉。',
  },
});

export const personLocation = field({
  id: 'personLocation',
  kind: 'text',
  step: 'persons',
  required: false,
  source: 'UN Model Treaty on Extradition art. 9(2) (?)',
  label: {
    ar: 'مكان الوجود المعروف أو المفترض',
    en: 'Known or presumed whereabouts',
    es: 'Paradero conocido o presunto',
    fr: 'Lieu de séjour connu ou présumé',
    ru: 'Известное или предполагаемое местонахождение',
    zh: '已知或推定的下落',
  },
  guidance: {
    ar: 'العنوان أو المكان الذي يُعتقد أن الشخص موجود فيه في الدولة متلقية الطلب.',
    en: 'Address or place where the person is believed to be in the requested State.',
    es: 'Dirección o lugar donde se cree que se encuentra la persona en el Estado requerido.',
    fr: "Adresse ou lieu où la personne est supposée se trouver dans l'État requis.",
    ru: 'Адрес или место, где, как полагают, лицо находится в запрашиваемом государстве.',
    zh: '据信该人在被请求国境内所在的地址或地点。',
  },
});

// ── the warrant or judgment ────────────────────────────────────────────────────────────────────────────────

export const extraditionPurpose = field({
  id: 'extraditionPurpose',
  kind: 'choice',
  step: 'facts',
  required: true,
  source: 'UNTOC 16(1), 16(12)',
  options: ['prosecution', 'enforcement'],
  optionLabels: [
    { ar: 'الملاحقة القضائية', en: 'Prosecution', es: 'Enjuiciamiento', fr: 'Poursuites', ru: 'Уголовное преследование', zh: '起诉' },
    { ar: 'تنفيذ عقوبة', en: 'Enforcement of a sentence', es: 'Cumplimiento de una pena', fr: "Exécution d'une peine", ru: 'Исполнение приговора', zh: '执行刑罚' },
  ],
  label: {
    ar: 'الغرض من التسليم',
    en: 'Extradition sought for',
    es: 'Extradición solicitada a efectos de',
    fr: 'Extradition demandée aux fins de',
    ru: 'Цель выдачи',
    zh: '引渡目的',
  },
  guidance: {
    ar: 'الملاحقة القضائية، أو تنفيذ عقوبة سبق الحكم بها.',
    en: 'Prosecution, or enforcement of a sentence already imposed.',
    es: 'Enjuiciamiento, o cumplimiento de una pena ya impuesta.',
    fr: 'Poursuites, ou exécution d’une peine déjà prononcée.',
    ru: 'Уголовное преследование или исполнение уже назначенного наказания.',
    zh: '起诉，或执行已判处的刑罚。',
  },
});

export const warrantReference = field({
  id: 'warrantReference',
  kind: 'text',
  step: 'facts',
  required: true,
  source: 'UN Model Treaty on Extradition art. 5(2)(b)-(c) (?)',
  label: {
    ar: 'مرجع الأمر أو الحكم',
    en: 'Warrant or judgment reference',
    es: 'Referencia de la orden o sentencia',
    fr: 'Référence du mandat ou du jugement',
    ru: 'Номер ордера или приговора',
    zh: '令状或判决编号',
  },
  guidance: {
    ar: 'رقم أمر القبض أو الحكم الواجب النفاذ؛ مع إرفاق نسخة منه.',
    en: 'Number of the arrest warrant or of the enforceable judgment; attach a copy.',
    es: 'Número de la orden de detención o de la sentencia ejecutoria; adjunte una copia.',
    fr: "Numéro du mandat d'arrêt ou du jugement exécutoire ; joindre une copie.",
    ru: 'Номер постановления об аресте или вступившего в силу приговора; приложите копию.',
    zh: '逮捕令或可执行判决的编号；请附副本。',
  },
});

export const warrantDate = field({
  id: 'warrantDate',
  kind: 'date',
  step: 'facts',
  required: true,
  source: 'UN Model Treaty on Extradition art. 5(2)(b)-(c) (?)',
  label: {
    ar: 'تاريخ الأمر أو الحكم',
    en: 'Date of the warrant or judgment',
    es: 'Fecha de la orden o sentencia',
    fr: 'Date du mandat ou du jugement',
    ru: 'Дата ордера или приговора',
    zh: '令状或判决日期',
  },
  guidance: {
    ar: 'تاريخ صدوره.',
    en: 'The date on which it was issued.',
    es: 'La fecha en que se dictó.',
    fr: 'La date à laquelle il a été décerné ou rendu.',
    ru: 'Дата его вынесения.',
    zh: '签发或作出的日期。',
  },
});

export const warrantAuthority = field({
  id: 'warrantAuthority',
  kind: 'text',
  step: 'facts',
  required: true,
  source: 'UN Model Treaty on Extradition art. 5(2)(b)-(c) (?)',
  label: {
    ar: 'الجهة المُصدِرة',
    en: 'Issuing authority',
    es: 'Autoridad emisora',
    fr: "Autorité d'émission",
    ru: 'Орган, вынесший решение',
    zh: '签发机关',
  },
  guidance: {
    ar: 'المحكمة أو القاضي الذي أصدر الأمر أو الحكم.',
    en: 'The court or judge that issued the warrant or judgment.',
    es: 'El tribunal o juez que dictó la orden o la sentencia.',
    fr: 'La juridiction ou le juge qui a décerné le mandat ou rendu le jugement.',
    ru: 'Суд или судья, вынесший постановление об аресте или приговор.',
    zh: '签发令状或作出判决的法院或法官。',
  },
});

export const penaltyApplicable = field({
  id: 'penaltyApplicable',
  kind: 'text',
  step: 'facts',
  required: true,
  source: `BC 24(1), UNTOC 16(1) (at least ${PENALTY_THRESHOLD_YEARS.extradition.years} year)`,
  label: {
    ar: 'العقوبة المقررة',
    en: 'Penalty applicable',
    es: 'Pena aplicable',
    fr: 'Peine encourue',
    ru: 'Применимое наказание',
    zh: '可判处的刑罚',
  },
  guidance: {
    ar: 'العقوبة القصوى المقررة لكل جريمة في قانونكم؛ ويشترط التسليم ألا تقل عن سنة واحدة في كلتا الدولتين.',
    en: 'The maximum penalty for each offence under your law; extradition requires at least one year in both States.',
    es: 'La pena máxima prevista para cada delito en su derecho; la extradición exige al menos un año en ambos Estados.',
    fr: "La peine maximale prévue pour chaque infraction par votre droit ; l'extradition suppose au moins un an dans les deux États.",
    ru: 'Максимальное наказание за каждое преступление по вашему законодательству; выдача возможна, если оно составляет не менее одного года в обоих государствах.',
    zh: '贵国法律对每项犯罪规定的最高刑罚；引渡要求两国规定的刑罚均不低于一年。',
  },
});

export const sentenceImposed = field({
  id: 'sentenceImposed',
  kind: 'text',
  step: 'facts',
  required: false,
  requiredWhen: { field: 'extraditionPurpose', equals: 'enforcement' },
  source: 'UN Model Treaty on Extradition art. 5(2)(c) (?)',
  label: {
    ar: 'العقوبة المحكوم بها',
    en: 'Sentence imposed',
    es: 'Pena impuesta',
    fr: 'Peine prononcée',
    ru: 'Назначенное наказание',
    zh: '所判处的刑罚',
  },
  guidance: {
    ar: 'العقوبة المحكوم بها والمدة المتبقية منها.',
    en: 'The sentence imposed and the part remaining to be served.',
    es: 'La pena impuesta y la parte que queda por cumplir.',
    fr: 'La peine prononcée et la partie restant à exécuter.',
    ru: 'Назначенное наказание и его неотбытая часть.',
    zh: '所判处的刑罚及尚未执行的部分。',
  },
});

export const limitationStatement = field({
  id: 'limitationStatement',
  kind: 'longtext',
  step: 'facts',
  required: false,
  source: 'UN Model Treaty on Extradition art. 3(e), 5(2)(b) (?)',
  label: {
    ar: 'التقادم',
    en: 'Limitation period',
    es: 'Prescripción',
    fr: 'Prescription',
    ru: 'Срок давности',
    zh: '时效',
  },
  guidance: {
    ar: 'أكِّدوا أن الدعوى الجنائية أو العقوبة لم تسقط بالتقادم، مع الإشارة إلى الأحكام المنطبقة.',
    en: 'Confirm that prosecution or enforcement is not time-barred, citing the applicable provisions.',
    es: 'Confirme que la acción penal o la pena no ha prescrito, citando las disposiciones aplicables.',
    fr: "Confirmez que l'action publique ou la peine n'est pas prescrite, en citant les dispositions applicables.",
    ru: 'Подтвердите, что срок давности уголовного преследования или исполнения наказания не истёк, со ссылкой на применимые нормы.',
    zh: '确认起诉或执行未超过时效，并援引相关规定。',
  },
});

// ── assurances ─────────────────────────────────────────────────────────────────────────────────────────────

export const deathPenalty = field({
  id: 'deathPenalty',
  kind: 'choice',
  step: 'safeguards',
  required: true,
  source: 'UN Model Treaty on Extradition art. 4(d) (?); DOMAIN §4',
  options: ['not_punishable', 'assurance_given'],
  optionLabels: [
    {
      ar: 'غير معاقب عليها بالإعدام',
      en: 'Not punishable by death',
      es: 'No se castiga con la pena de muerte',
      fr: 'Non passible de la peine de mort',
      ru: 'Смертная казнь не предусмотрена',
      zh: '不可判处死刑',
    },
    {
      ar: 'معاقب عليها بالإعدام — قُدِّم ضمان',
      en: 'Punishable by death — assurance given',
      es: 'Se castiga con la pena de muerte — se dan garantías',
      fr: 'Passible de la peine de mort — assurance donnée',
      ru: 'Предусмотрена смертная казнь — гарантия дана',
      zh: '可判处死刑——已作保证',
    },
  ],
  label: {
    ar: 'عقوبة الإعدام',
    en: 'Death penalty',
    es: 'Pena de muerte',
    fr: 'Peine de mort',
    ru: 'Смертная казнь',
    zh: '死刑',
  },
  guidance: {
    ar: 'بيّنوا ما إذا كانت الجريمة معاقباً عليها بالإعدام؛ وفي هذه الحالة، قدموا ضماناً بعدم الحكم بها أو تنفيذها.',
    en: 'State whether the offence carries the death penalty; if it does, give an assurance that it will not be imposed or carried out.',
    es: 'Indique si el delito se castiga con la pena de muerte; en caso afirmativo, dé garantías de que no se impondrá ni ejecutará.',
    fr: "Indiquez si l'infraction est passible de la peine de mort ; dans l'affirmative, donnez l'assurance qu'elle ne sera ni prononcée ni exécutée.",
    ru: 'Укажите, предусмотрена ли за преступление смертная казнь; если да, дайте гарантию, что она не будет назначена или приведена в исполнение.',
    zh: '说明该犯罪是否可判处死刑；如可判处，请保证不判处或不执行死刑。',
  },
});

export const deathPenaltyAssurance = field({
  id: 'deathPenaltyAssurance',
  kind: 'longtext',
  step: 'safeguards',
  required: false,
  requiredWhen: { field: 'deathPenalty', equals: 'assurance_given' },
  source: 'UN Model Treaty on Extradition art. 4(d) (?)',
  label: {
    ar: 'الضمان المتعلق بعقوبة الإعدام',
    en: 'Death-penalty assurance',
    es: 'Garantía relativa a la pena de muerte',
    fr: 'Assurance relative à la peine de mort',
    ru: 'Гарантия неприменения смертной казни',
    zh: '关于死刑的保证',
  },
  guidance: {
    ar: 'نص الضمان والجهة التي تقدمه؛ ويجوز للدولة متلقية الطلب الرفض في حال عدم تقديمه.',
    en: 'The text of the assurance and the authority that gives it; without it the requested State may refuse.',
    es: 'El texto de la garantía y la autoridad que la otorga; sin ella, el Estado requerido puede denegar la solicitud.',
    fr: "Le texte de l'assurance et l'autorité qui la donne ; à défaut, l'État requis peut refuser.",
    ru: 'Текст гарантии и орган, который её даёт; без неё запрашиваемое государство может отказать.',
    zh: '保证的文本及作出保证的机关；如无此保证，被请求国可予拒绝。',
  },
});

export const doubleJeopardy = field({
  id: 'doubleJeopardy',
  kind: 'longtext',
  step: 'safeguards',
  required: true,
  source: 'UN Model Treaty on Extradition art. 3(d) (?); DOMAIN §4',
  label: {
    ar: 'عدم جواز المحاكمة على الفعل ذاته مرتين',
    en: 'Double jeopardy',
    es: 'Non bis in idem',
    fr: 'Non bis in idem (autorité de la chose jugée)',
    ru: 'Недопустимость повторного осуждения',
    zh: '一事不再理',
  },
  guidance: {
    ar: 'صرّحوا بأن الشخص، على حد علمكم، لم تصدر بحقه إدانة أو تبرئة نهائية عن الفعل ذاته.',
    en: 'State that, to your knowledge, the person has not been finally convicted or acquitted of the same conduct.',
    es: 'Declare que, según su conocimiento, la persona no ha sido condenada ni absuelta en firme por los mismos hechos.',
    fr: "Déclarez qu'à votre connaissance la personne n'a pas été définitivement condamnée ou acquittée pour les mêmes faits.",
    ru: 'Укажите, что, насколько вам известно, лицо не было окончательно осуждено или оправдано за те же деяния.',
    zh: '说明据贵方所知，该人未曾因同一行为被终局定罪或宣告无罪。',
  },
});

export const specialityAssurance = field({
  id: 'specialityAssurance',
  kind: 'boolean',
  step: 'safeguards',
  required: true,
  source: 'UN Model Treaty on Extradition art. 14 (?)',
  label: {
    ar: 'احترام قاعدة التخصيص',
    en: 'Rule of speciality respected',
    es: 'Respeto del principio de especialidad',
    fr: 'Respect de la règle de la spécialité',
    ru: 'Соблюдение правила конкретности',
    zh: '遵守特定性规则',
  },
  guidance: {
    ar: 'أكِّدوا أن الشخص لن يُلاحَق أو يعاقَب أو يُسلَّم إلى دولة أخرى، دون موافقة، بسبب جرائم أخرى ارتكبها قبل تسليمه.',
    en: 'Confirm that the person will not, without consent, be prosecuted, punished or re-extradited for other offences committed before surrender.',
    es: 'Confirme que la persona no será, sin consentimiento, enjuiciada, castigada ni reextraditada por otros delitos cometidos antes de la entrega.',
    fr: 'Confirmez que la personne ne sera pas, sans consentement, poursuivie, punie ou réextradée pour d’autres infractions commises avant la remise.',
    ru: 'Подтвердите, что лицо не будет без согласия привлечено к ответственности, наказано или повторно выдано за иные преступления, совершённые до передачи.',
    zh: '确认未经同意不会因移交前所犯的其他罪行对该人进行起诉、处罚或再引渡。',
  },
});

export const otherAssurances = field({
  id: 'otherAssurances',
  kind: 'longtext',
  step: 'safeguards',
  required: false,
  source: 'UNTOC 16(13)-(14)',
  label: {
    ar: 'ضمانات أخرى',
    en: 'Other assurances',
    es: 'Otras garantías',
    fr: 'Autres assurances',
    ru: 'Иные гарантии',
    zh: '其他保证',
  },
  guidance: {
    ar: 'أي ضمانات أخرى مقدمة، مثل ضمانات المحاكمة العادلة أو ظروف الاحتجاز أو إعادة المحاكمة بعد حكم غيابي.',
    en: 'Any further assurance offered, e.g. on fair trial, detention conditions or retrial after a judgment in absentia.',
    es: 'Cualquier otra garantía ofrecida, p. ej., sobre el juicio justo, las condiciones de detención o un nuevo juicio tras una sentencia en rebeldía.',
    fr: 'Toute autre assurance offerte, par ex. sur le procès équitable, les conditions de détention ou un nouveau procès après un jugement par défaut.',
    ru: 'Любые иные предоставляемые гарантии, например в отношении справедливого судебного разбирательства, условий содержания под стражей или повторного рассмотрения после заочного приговора.',
    zh: '所提供的任何其他保证，例如关于公正审判、羁押条件或缺席判决后重新审判的保证。',
  },
});

// ── provisional arrest ─────────────────────────────────────────────────────────────────────────────────────

export const urgency = field({
  id: 'urgency',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'UNTOC 16(9); UN Model Treaty on Extradition art. 9 (?)',
  label: {
    ar: 'دواعي الاستعجال',
    en: 'Grounds for urgency',
    es: 'Motivos de urgencia',
    fr: "Motifs d'urgence",
    ru: 'Основания срочности',
    zh: '紧急理由',
  },
  guidance: {
    ar: 'سبب الحاجة إلى القبض قبل ورود طلب التسليم، مثل خطر الفرار.',
    en: 'Why arrest is needed before the extradition request arrives, e.g. risk of flight.',
    es: 'Por qué es necesaria la detención antes de recibir la solicitud de extradición, p. ej., riesgo de fuga.',
    fr: "Pourquoi l'arrestation est nécessaire avant la réception de la demande d'extradition, par ex. risque de fuite.",
    ru: 'Почему арест необходим до поступления запроса о выдаче, например ввиду риска побега.',
    zh: '为何须在引渡请求送达前实施逮捕，例如存在潜逃风险。',
  },
});

/** Must be true: the completeness checker refuses `false`. */
export const extraditionWillFollow = field({
  id: 'extraditionWillFollow',
  kind: 'boolean',
  step: 'assistance',
  required: true,
  source: 'UN Model Treaty on Extradition art. 9(2) (?)',
  label: {
    ar: 'سيُقدَّم لاحقاً طلب تسليم',
    en: 'An extradition request will follow',
    es: 'Se presentará una solicitud de extradición',
    fr: "Une demande d'extradition suivra",
    ru: 'Будет направлен запрос о выдаче',
    zh: '随后将提出引渡请求',
  },
  guidance: {
    ar: 'إلزامي: ينتهي القبض المؤقت إذا لم يرد طلب التسليم خلال المهلة التي تحددها المعاهدة أو القانون.',
    en: 'Required: provisional arrest ends if the extradition request does not arrive within the time the treaty or law allows.',
    es: 'Obligatorio: la detención provisional cesa si la solicitud de extradición no se recibe en el plazo previsto por el tratado o la ley.',
    fr: "Obligatoire : l'arrestation provisoire prend fin si la demande d'extradition ne parvient pas dans le délai prévu par le traité ou la loi.",
    ru: 'Обязательно: временный арест прекращается, если запрос о выдаче не поступит в срок, установленный договором или законом.',
    zh: '必填：如引渡请求未在条约或法律规定的期限内送达，临时逮捕即告终止。',
  },
});

const SAFEGUARDS = ['proportionality', 'judicial_authorization', 'legal_basis', 'use_limitation', 'dual_criminality', 'extradition_assurances'] as const;

export const EXTRADITION: RequestTypeDefinition = defineType({
  id: 'extradition',
  title: {
    ar: 'تسليم المجرمين',
    en: 'Extradition',
    es: 'Extradición',
    fr: "Demande d'extradition",
    ru: 'Выдача (экстрадиция)',
    zh: '引渡',
  },
  summary: {
    ar: 'تسليم شخص موجود في الدولة متلقية الطلب لغرض ملاحقته قضائياً أو تنفيذ عقوبة بحقه.',
    en: 'Surrender of a person found in the requested State for prosecution or to serve a sentence.',
    es: 'Entrega de una persona que se encuentra en el Estado requerido para su enjuiciamiento o para el cumplimiento de una pena.',
    fr: "Remise d'une personne se trouvant dans l'État requis aux fins de poursuites ou d'exécution d'une peine.",
    ru: 'Передача лица, находящегося в запрашиваемом государстве, для уголовного преследования или исполнения приговора.',
    zh: '移交身处被请求国的人员，以便对其提起诉讼或执行刑罚。',
  },
  routing: 'central_authority',
  measures: ['surrender'],
  emergency: false,
  dualCriminality: 'required',
  penaltyThresholdYears: PENALTY_THRESHOLD_YEARS.extradition.years,
  safeguards: SAFEGUARDS,
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    investigationTitle,
    extraditionPurpose,
    offences,
    offenceProvisions,
    penaltyApplicable,
    summaryOfFacts,
    warrantReference,
    warrantDate,
    warrantAuthority,
    sentenceImposed,
    limitationStatement,
    personSought,
    personDescription,
    personNationality,
    personLocation,
    proportionality,
    deathPenalty,
    deathPenaltyAssurance,
    doubleJeopardy,
    specialityAssurance,
    otherAssurances,
    ...BASIC_HANDLING,
  ],
  follows: ['provisional_arrest', 'locate_person'],
});

export const PROVISIONAL_ARREST: RequestTypeDefinition = defineType({
  id: 'provisional_arrest',
  title: {
    ar: 'القبض المؤقت',
    en: 'Provisional arrest',
    es: 'Detención provisional',
    fr: 'Arrestation provisoire',
    ru: 'Временный арест',
    zh: '临时逮捕',
  },
  summary: {
    ar: 'القبض العاجل على شخص ريثما يرد طلب تسليمه.',
    en: 'Urgent arrest of a person pending receipt of an extradition request.',
    es: 'Detención urgente de una persona a la espera de recibir una solicitud de extradición.',
    fr: "Arrestation urgente d'une personne dans l'attente de la réception d'une demande d'extradition.",
    ru: 'Срочный арест лица до получения запроса о выдаче.',
    zh: '在收到引渡请求之前紧急逮捕某人。',
  },
  routing: 'central_authority',
  measures: ['arrest'],
  emergency: false,
  dualCriminality: 'required',
  penaltyThresholdYears: PENALTY_THRESHOLD_YEARS.extradition.years,
  safeguards: SAFEGUARDS,
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    investigationTitle,
    extraditionPurpose,
    offences,
    offenceProvisions,
    penaltyApplicable,
    summaryOfFacts,
    warrantReference,
    warrantDate,
    warrantAuthority,
    sentenceImposed,
    personSought,
    personDescription,
    personNationality,
    required(personLocation),
    urgency,
    extraditionWillFollow,
    proportionality,
    deathPenalty,
    deathPenaltyAssurance,
    optional(doubleJeopardy),
    ...BASIC_HANDLING,
  ],
  follows: ['locate_person'],
});
