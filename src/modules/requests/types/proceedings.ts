/**
 * Cooperation beyond a single measure: spontaneous information (BC 26, UNTOC 18(4)), transfer of criminal
 * proceedings (UNTOC 21, UN 39 (?)) and joint investigation teams (UNTOC 19, UN 48 (?), SAP 12 (?)).
 *
 * Dual criminality: spontaneous information asks nothing of the receiving State (`not_required`); a transfer of
 * proceedings only makes sense if the receiving State can prosecute the conduct under its own law (`required`);
 * a joint team is set up by agreement and each member acts under its own law, so whether the conduct must be
 * criminal in both States is left to the requested State (`per_state`).
 */
import type { RequestTypeDefinition } from '../model.ts';
import { BASIC_HANDLING, CENTRAL_AUTHORITY_CONTACT } from './blocks.ts';
import { defineType, field, variant } from './define.ts';
import { limitationStatement } from './extradition.ts';
import {
  additionalInformation,
  conductingAuthority,
  confidentialityReason,
  confidentialityRequested,
  investigationTitle,
  offenceProvisions,
  offences,
  persons,
  requestingAuthority,
  summaryOfFacts,
} from './fields.ts';

// ── spontaneous information ────────────────────────────────────────────────────────────────────────────────

const transmittingAuthority = variant(requestingAuthority, {
  label: {
    ar: 'السلطة المُحيلة',
    en: 'Transmitting authority',
    es: 'Autoridad remitente',
    fr: 'Autorité qui transmet',
    ru: 'Передающий орган',
    zh: '转递机关',
  },
  guidance: {
    ar: 'السلطة التي تحيل المعلومات، مع اسمها الكامل وعنوانها.',
    en: 'The authority passing on the information, with its full name and address.',
    es: 'La autoridad que comunica la información, con su nombre completo y dirección.',
    fr: "L'autorité qui communique les informations, avec son nom complet et son adresse.",
    ru: 'Орган, передающий сведения, с полным наименованием и адресом.',
    zh: '转递信息的机关的全称和地址。',
  },
  source: 'BC 26, UNTOC 18(4)',
});

export const informationProvided = field({
  id: 'informationProvided',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'BC 26(1), UNTOC 18(4)',
  label: {
    ar: 'المعلومات المُحالة',
    en: 'Information transmitted',
    es: 'Información transmitida',
    fr: 'Informations transmises',
    ru: 'Передаваемая информация',
    zh: '所转递的信息',
  },
  guidance: {
    ar: 'المعلومات التي تحيلونها دون طلب مسبق، ومصدرها.',
    en: 'The information you are passing on without being asked, and where it comes from.',
    es: 'La información que comunica sin que se le haya solicitado, y su procedencia.',
    fr: 'Les informations que vous communiquez sans demande préalable, et leur origine.',
    ru: 'Сведения, которые вы передаёте без предварительного запроса, и их источник.',
    zh: '贵方在未经请求情况下转递的信息及其来源。',
  },
});

export const relevanceToRecipient = field({
  id: 'relevanceToRecipient',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'BC 26(1), UNTOC 18(4)',
  label: {
    ar: 'أهمية المعلومات للدولة المتلقية',
    en: 'Relevance to the receiving State',
    es: 'Interés para el Estado receptor',
    fr: "Intérêt pour l'État destinataire",
    ru: 'Значение для государства-получателя',
    zh: '对接收国的意义',
  },
  guidance: {
    ar: 'سبب إمكانية أن تساعد المعلومات الدولة المتلقية على الشروع في تحقيق أو إجراءات أو القيام بها، أو أن تفضي إلى تقديم طلب.',
    en: 'Why the information may help the receiving State start or carry out an investigation or proceedings, or lead to a request.',
    es: 'Por qué la información puede ayudar al Estado receptor a iniciar o llevar a cabo una investigación o un proceso, o dar lugar a una solicitud.',
    fr: "Pourquoi les informations peuvent aider l'État destinataire à engager ou mener une enquête ou une procédure, ou l'amener à présenter une demande.",
    ru: 'Почему эти сведения могут помочь государству-получателю возбудить или провести расследование или разбирательство либо побудить его направить запрос.',
    zh: '为何该信息可能有助于接收国启动或开展侦查或诉讼，或促使其提出请求。',
  },
});

export const useConditions = field({
  id: 'useConditions',
  kind: 'longtext',
  step: 'handling',
  required: false,
  source: 'BC 26(2), UNTOC 18(5)',
  label: {
    ar: 'شروط الاستخدام',
    en: 'Conditions on use',
    es: 'Condiciones de uso',
    fr: "Conditions d'utilisation",
    ru: 'Условия использования',
    zh: '使用条件',
  },
  guidance: {
    ar: 'أي شروط تتعلق بالسرية أو الاستخدام؛ وإن تعذّر على الدولة المتلقية الامتثال لها وجب عليها الإبلاغ بذلك، وتقررون عندئذ ما إذا كنتم ستقدمون المعلومات.',
    en: 'Any confidentiality or use conditions; if the receiving State cannot comply it must say so, and you then decide whether to provide the information.',
    es: 'Condiciones de confidencialidad o de uso, en su caso; si el Estado receptor no puede cumplirlas debe indicarlo, y usted decide entonces si facilita la información.',
    fr: "Conditions de confidentialité ou d'utilisation, le cas échéant ; si l'État destinataire ne peut s'y conformer, il doit le signaler, et vous décidez alors de communiquer ou non les informations.",
    ru: 'Условия конфиденциальности или использования, если они есть; если государство-получатель не может их соблюсти, оно должно сообщить об этом, и вы решаете, передавать ли сведения.',
    zh: '任何保密或使用条件；如接收国无法遵守，须告知贵方，由贵方决定是否提供信息。',
  },
});

// ── transfer of proceedings ────────────────────────────────────────────────────────────────────────────────

const accusedPersons = variant(persons, {
  required: true,
  guidance: {
    ar: 'الشخص أو الأشخاص الذين تُحال ملاحقتهم، مع بيان هويتهم وعنوانهم وجنسيتهم.',
    en: 'The person or persons whose prosecution is transferred, with identity, address and nationality.',
    es: 'La persona o personas cuyo enjuiciamiento se remite, con su identidad, domicilio y nacionalidad.',
    fr: 'La ou les personnes dont les poursuites sont transférées, avec leur identité, leur adresse et leur nationalité.',
    ru: 'Лицо или лица, уголовное преследование которых передаётся, с указанием личности, адреса и гражданства.',
    zh: '其起诉被移交的一人或多人，并写明身份、地址和国籍。',
  },
});

export const transferReasons = field({
  id: 'transferReasons',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'UNTOC 21',
  label: {
    ar: 'أسباب الإحالة',
    en: 'Reasons for the transfer',
    es: 'Motivos de la remisión',
    fr: 'Motifs du transfert',
    ru: 'Основания передачи',
    zh: '移交理由',
  },
  guidance: {
    ar: 'سبب كون الدولة المتلقية في وضع أفضل للملاحقة القضائية، مثل جنسية الشخص أو محل إقامته أو مكان وجود الأدلة.',
    en: 'Why the receiving State is better placed to prosecute, e.g. the person’s nationality or residence, or where the evidence is.',
    es: 'Por qué el Estado receptor está en mejor posición para enjuiciar, p. ej., por la nacionalidad o residencia de la persona o el lugar donde se hallan las pruebas.',
    fr: 'Pourquoi l’État destinataire est mieux placé pour poursuivre, par ex. nationalité ou résidence de la personne, ou lieu où se trouvent les preuves.',
    ru: 'Почему государство-получатель имеет лучшие возможности для уголовного преследования, например ввиду гражданства или места жительства лица либо местонахождения доказательств.',
    zh: '为何接收国更适于起诉，例如当事人的国籍或居所，或证据所在地。',
  },
});

export const proceedingsStage = field({
  id: 'proceedingsStage',
  kind: 'longtext',
  step: 'facts',
  required: true,
  source: 'UNTOC 21',
  label: {
    ar: 'مرحلة الإجراءات',
    en: 'Stage of the proceedings',
    es: 'Estado del procedimiento',
    fr: 'État de la procédure',
    ru: 'Стадия производства',
    zh: '诉讼阶段',
  },
  guidance: {
    ar: 'ما اتُّخذ حتى الآن (توجيه الاتهام، والجلسات، والقرارات) وما تبقى.',
    en: 'What has been done so far (charges, hearings, decisions) and what remains.',
    es: 'Lo actuado hasta ahora (imputación, audiencias, resoluciones) y lo que queda por hacer.',
    fr: 'Les actes déjà accomplis (mise en examen ou inculpation, audiences, décisions) et ce qui reste à faire.',
    ru: 'Что уже сделано (обвинение, заседания, решения) и что остаётся сделать.',
    zh: '迄今已完成的事项（指控、庭审、裁决）以及尚待完成的事项。',
  },
});

export const evidenceAvailable = field({
  id: 'evidenceAvailable',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'UNTOC 21',
  label: {
    ar: 'الأدلة المتاحة',
    en: 'Evidence available',
    es: 'Pruebas disponibles',
    fr: 'Éléments de preuve disponibles',
    ru: 'Имеющиеся доказательства',
    zh: '现有证据',
  },
  guidance: {
    ar: 'الأدلة التي جُمعت وكيفية تسليمها، مع سلسلة حيازتها.',
    en: 'The evidence gathered and how it will be handed over, with its chain of custody.',
    es: 'Las pruebas reunidas y cómo se entregarán, con su cadena de custodia.',
    fr: 'Les preuves recueillies et les modalités de leur remise, avec leur chaîne de conservation.',
    ru: 'Собранные доказательства и порядок их передачи с соблюдением цепочки хранения.',
    zh: '已收集的证据及其移交方式，包括保管链。',
  },
});

export const custodyStatus = field({
  id: 'custodyStatus',
  kind: 'choice',
  step: 'persons',
  required: true,
  source: 'UNTOC 21',
  options: ['in_custody', 'conditional_release', 'at_liberty'],
  optionLabels: [
    { ar: 'محتجز', en: 'In custody', es: 'Detenida', fr: 'En détention', ru: 'Под стражей', zh: '在押' },
    { ar: 'مُفرج عنه بشروط', en: 'Released on conditions', es: 'En libertad con medidas cautelares', fr: 'Sous contrôle judiciaire', ru: 'Освобождён на условиях', zh: '附条件释放' },
    { ar: 'طليق', en: 'At liberty', es: 'En libertad', fr: 'Libre', ru: 'На свободе', zh: '未受羁押' },
  ],
  label: {
    ar: 'وضع الشخص من حيث الاحتجاز',
    en: 'Custody status of the accused',
    es: 'Situación procesal de la persona',
    fr: 'Situation de la personne poursuivie',
    ru: 'Мера пресечения',
    zh: '被告人羁押状况',
  },
  guidance: {
    ar: 'ما إذا كان الشخص محتجزاً أو مُفرجاً عنه بشروط أو طليقاً؛ وقد تنطبق آجال قصوى للاحتجاز.',
    en: 'Whether the person is detained, released on conditions or at liberty; detention time limits may apply.',
    es: 'Si la persona está detenida, en libertad con medidas cautelares o en libertad; pueden aplicarse plazos máximos de detención.',
    fr: 'Si la personne est détenue, placée sous contrôle judiciaire ou libre ; des délais de détention peuvent s’appliquer.',
    ru: 'Содержится ли лицо под стражей, освобождено на условиях или находится на свободе; могут действовать предельные сроки содержания под стражей.',
    zh: '该人是否被羁押、附条件释放或处于自由状态；可能适用羁押期限。',
  },
});

// ── joint investigation team ───────────────────────────────────────────────────────────────────────────────

export const jitPurpose = field({
  id: 'jitPurpose',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'UNTOC 19, SAP 12 (?)',
  label: {
    ar: 'الغرض من الفريق',
    en: 'Purpose of the team',
    es: 'Objeto del equipo',
    fr: "Objet de l'équipe",
    ru: 'Цель группы',
    zh: '小组宗旨',
  },
  guidance: {
    ar: 'التحقيق المحدد الذي سيضطلع به الفريق والنتائج المتوخاة منه.',
    en: 'The specific investigation the team is to carry out and what it should achieve.',
    es: 'La investigación concreta que debe llevar a cabo el equipo y los resultados que se persiguen.',
    fr: "L'enquête précise que l'équipe doit mener et les résultats attendus.",
    ru: 'Конкретное расследование, которое должна провести группа, и ожидаемые результаты.',
    zh: '小组将开展的具体侦查及预期成果。',
  },
});

export const participatingStates = field({
  id: 'participatingStates',
  kind: 'list',
  step: 'assistance',
  required: true,
  source: 'UNTOC 19, SAP 12 (?)',
  label: {
    ar: 'الدول المشاركة',
    en: 'Participating States',
    es: 'Estados participantes',
    fr: 'États participants',
    ru: 'Государства-участники',
    zh: '参与国',
  },
  guidance: {
    ar: 'دولة واحدة في كل سطر، مع السلطة المختصة في كل منها.',
    en: 'One per line, with the competent authority of each.',
    es: 'Uno por línea, con la autoridad competente de cada uno.',
    fr: 'Un par ligne, avec l’autorité compétente de chacun.',
    ru: 'По одному на строку, с указанием компетентного органа каждого.',
    zh: '每行一个，并注明各国的主管机关。',
  },
});

export const teamLeader = field({
  id: 'teamLeader',
  kind: 'text',
  step: 'assistance',
  required: true,
  source: 'SAP 12 (?)',
  label: {
    ar: 'قائد الفريق',
    en: 'Team leader',
    es: 'Jefe del equipo',
    fr: "Responsable de l'équipe",
    ru: 'Руководитель группы',
    zh: '小组负责人',
  },
  guidance: {
    ar: 'اسم القائد والسلطة التي ينتمي إليها؛ ويعمل الفريق وفقاً لقانون الدولة التي يعمل في إقليمها.',
    en: 'Name and authority of the leader; the team acts under the law of the State where it operates.',
    es: 'Nombre y autoridad del jefe; el equipo actúa conforme al derecho del Estado en cuyo territorio interviene.',
    fr: "Nom et autorité du responsable ; l'équipe agit conformément au droit de l'État sur le territoire duquel elle intervient.",
    ru: 'Фамилия, имя и орган руководителя; группа действует в соответствии с законодательством государства, на территории которого она работает.',
    zh: '负责人的姓名及所属机关；小组依照其行动所在国的法律开展工作。',
  },
});

export const jitMembers = field({
  id: 'jitMembers',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'UNTOC 19, SAP 12 (?)',
  label: {
    ar: 'التشكيل',
    en: 'Composition',
    es: 'Composición',
    fr: "Composition de l'équipe",
    ru: 'Состав',
    zh: '组成',
  },
  guidance: {
    ar: 'الأعضاء الذين تنتدبهم كل دولة، حسب وظائفهم، وأي خبراء أو هيئات مشاركة.',
    en: 'The members each State seconds, by function, and any experts or bodies taking part.',
    es: 'Los miembros que aporta cada Estado, por función, y los expertos u organismos que participan.',
    fr: 'Les membres détachés par chaque État, par fonction, et les experts ou organismes participants.',
    ru: 'Члены, направляемые каждым государством, с указанием функций, а также участвующие эксперты или органы.',
    zh: '各国按职能派出的成员，以及参与的专家或机构。',
  },
});

export const jitDuration = field({
  id: 'jitDuration',
  kind: 'period',
  step: 'assistance',
  required: true,
  source: 'SAP 12 (?)',
  label: {
    ar: 'المدة',
    en: 'Duration',
    es: 'Duración',
    fr: 'Durée',
    ru: 'Срок',
    zh: '期限',
  },
  guidance: {
    ar: 'بداية ولاية الفريق ونهايتها؛ ويجوز تمديدها باتفاق مشترك.',
    en: 'Start and end of the team’s mandate; it may be extended by agreement.',
    es: 'Inicio y fin del mandato del equipo; puede prorrogarse de común acuerdo.',
    fr: 'Début et fin du mandat de l’équipe ; il peut être prorogé d’un commun accord.',
    ru: 'Начало и окончание полномочий группы; срок может быть продлён по взаимному согласию.',
    zh: '小组任务的起止时间；经协商一致可予延长。',
  },
});

export const jitArrangements = field({
  id: 'jitArrangements',
  kind: 'longtext',
  step: 'safeguards',
  required: true,
  source: 'SAP 12 (?); UNTOC 19',
  label: {
    ar: 'ترتيبات العمل',
    en: 'Working arrangements',
    es: 'Modalidades de funcionamiento',
    fr: 'Modalités de fonctionnement',
    ru: 'Порядок работы',
    zh: '工作安排',
  },
  guidance: {
    ar: 'كيفية تبادل المعلومات والأدلة وأوجه استخدامها، ومن يتحمل أي تكاليف.',
    en: 'How information and evidence are shared and may be used, and who bears which costs.',
    es: 'Cómo se comparten y pueden utilizarse la información y las pruebas, y quién sufraga cada gasto.',
    fr: 'Comment les informations et les preuves sont partagées et peuvent être utilisées, et qui supporte quels frais.',
    ru: 'Как осуществляется обмен сведениями и доказательствами и как они могут использоваться, а также кто несёт какие расходы.',
    zh: '信息和证据如何共享及可如何使用，以及各项费用由谁承担。',
  },
});

export const SPONTANEOUS_INFORMATION: RequestTypeDefinition = defineType({
  id: 'spontaneous_information',
  title: {
    ar: 'المعلومات التلقائية',
    en: 'Spontaneous information',
    es: 'Información espontánea',
    fr: 'Information spontanée',
    ru: 'Информация, предоставляемая в инициативном порядке',
    zh: '主动提供信息',
  },
  summary: {
    ar: 'معلومات تُحال دون طلب مسبق لأنها قد تساعد الدولة المتلقية في التحقيق أو الملاحقة القضائية.',
    en: 'Information passed on without prior request because it may help the receiving State investigate or prosecute.',
    es: 'Información facilitada sin solicitud previa porque puede ayudar al Estado receptor a investigar o enjuiciar.',
    fr: 'Informations communiquées sans demande préalable parce qu’elles peuvent aider l’État destinataire à enquêter ou à poursuivre.',
    ru: 'Сведения, передаваемые без предварительного запроса, поскольку они могут помочь государству-получателю в расследовании или уголовном преследовании.',
    zh: '因可能有助于接收国开展侦查或起诉而在未经请求情况下转递的信息。',
  },
  routing: 'central_authority',
  measures: ['information'],
  emergency: false,
  dualCriminality: 'not_required',
  safeguards: ['use_limitation'],
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT.map((f) => (f.id === 'requestingAuthority' ? transmittingAuthority : f)),
    investigationTitle,
    offences,
    summaryOfFacts,
    persons,
    informationProvided,
    relevanceToRecipient,
    useConditions,
    ...BASIC_HANDLING,
  ],
  follows: [],
});

export const TRANSFER_OF_PROCEEDINGS: RequestTypeDefinition = defineType({
  id: 'transfer_of_proceedings',
  title: {
    ar: 'نقل الإجراءات الجنائية',
    en: 'Transfer of criminal proceedings',
    es: 'Remisión de actuaciones penales',
    fr: 'Transfert des procédures pénales',
    ru: 'Передача уголовного производства',
    zh: '移交刑事诉讼',
  },
  summary: {
    ar: 'يطلب من دولة أخرى تولي الملاحقة القضائية حيثما يخدم ذلك حسن سير العدالة.',
    en: 'Asks another State to take over the prosecution where this serves the proper administration of justice.',
    es: 'Pide a otro Estado que asuma el enjuiciamiento cuando ello redunde en interés de la debida administración de justicia.',
    fr: 'Demande à un autre État de reprendre les poursuites lorsque cela sert une bonne administration de la justice.',
    ru: 'Просьба к другому государству принять на себя уголовное преследование, если это отвечает интересам надлежащего отправления правосудия.',
    zh: '在有利于正当司法的情况下，请求另一国接手起诉。',
  },
  routing: 'central_authority',
  measures: ['other_assistance'],
  emergency: false,
  dualCriminality: 'required',
  safeguards: ['legal_basis', 'dual_criminality'],
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    conductingAuthority,
    investigationTitle,
    offences,
    offenceProvisions,
    summaryOfFacts,
    proceedingsStage,
    limitationStatement,
    accusedPersons,
    custodyStatus,
    transferReasons,
    evidenceAvailable,
    ...BASIC_HANDLING,
  ],
  follows: [],
});

export const JOINT_INVESTIGATION_TEAM: RequestTypeDefinition = defineType({
  id: 'joint_investigation_team',
  title: {
    ar: 'فريق التحقيق المشترك',
    en: 'Joint investigation team',
    es: 'Equipo conjunto de investigación',
    fr: "Équipe commune d'enquête",
    ru: 'Совместная следственная группа',
    zh: '联合侦查组',
  },
  summary: {
    ar: 'يقترح إنشاء فريق من المحققين من دولتين أو أكثر لإجراء تحقيق محدد لفترة محدودة.',
    en: 'Proposes a team of investigators from two or more States for a specific investigation, for a limited period.',
    es: 'Propone la creación, por un período limitado, de un equipo de investigadores de dos o más Estados para una investigación determinada.',
    fr: 'Propose la constitution, pour une durée limitée, d’une équipe d’enquêteurs de deux États ou plus aux fins d’une enquête déterminée.',
    ru: 'Предложение о создании на ограниченный срок группы следователей из двух или более государств для проведения конкретного расследования.',
    zh: '提议由两个或两个以上国家的侦查人员组成小组，在限定期限内开展特定侦查。',
  },
  routing: 'central_authority',
  measures: ['information', 'other_assistance'],
  emergency: false,
  dualCriminality: 'per_state',
  safeguards: ['legal_basis', 'use_limitation', 'dual_criminality'],
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    conductingAuthority,
    investigationTitle,
    offences,
    offenceProvisions,
    summaryOfFacts,
    persons,
    jitPurpose,
    participatingStates,
    teamLeader,
    jitMembers,
    jitDuration,
    jitArrangements,
    confidentialityRequested,
    confidentialityReason,
    additionalInformation,
  ],
  follows: [],
});
