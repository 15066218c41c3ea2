/**
 * Proceeds of crime (UNTOC 12-14, UN 31 (?), 50-52 (?)): tracing, freezing and seizure pending confiscation, then
 * enforcement of a confiscation order and return of the assets. Both require dual criminality (DOMAIN §4).
 * Freezing restrains property before any judgment, so it carries a proportionality statement and the authorizer's
 * approval; confiscation enforces a court order already made, whose reference, date and finality are required
 * instead.
 */
import type { RequestTypeDefinition } from '../model.ts';
import { CENTRAL_AUTHORITY_CONTACT, MLA_CONTENTS, MLA_HANDLING } from './blocks.ts';
import { defineType, field } from './define.ts';
import { proportionality } from './fields-safeguards.ts';

export const assets = field({
  id: 'assets',
  kind: 'assets',
  step: 'assistance',
  required: true,
  source: 'UNTOC 13(1), UN 50 (?)',
  label: {
    ar: 'الأصول',
    en: 'Assets',
    es: 'Bienes',
    fr: 'Avoirs',
    ru: 'Имущество',
    zh: '资产',
  },
  guidance: {
    ar: 'كل أصل مع نوعه ووصفه ومكانه وقيمته التقديرية؛ وبالنسبة للأصول الافتراضية، بيّنوا العناوين ومقدم الخدمة الذي يحوزها.',
    en: 'Each asset with its type, description, location and estimated value; for virtual assets give the addresses and the service holding them.',
    es: 'Cada bien con su tipo, descripción, ubicación y valor estimado; en el caso de activos virtuales, indique las direcciones y el proveedor que los custodia.',
    fr: 'Chaque avoir avec sa nature, sa description, sa localisation et sa valeur estimée ; pour les actifs virtuels, indiquez les adresses et le prestataire qui les détient.',
    ru: 'Каждый актив с указанием вида, описания, местонахождения и оценочной стоимости; для виртуальных активов укажите адреса и поставщика услуг, у которого они хранятся.',
    zh: '每项资产的类型、描述、所在地和估计价值；对于虚拟资产，请写明地址及持有该资产的服务提供者。',
  },
});

export const estimatedTotalValue = field({
  id: 'estimatedTotalValue',
  kind: 'text',
  step: 'assistance',
  required: false,
  source: 'UNTOC 13(1)',
  label: {
    ar: 'القيمة الإجمالية التقديرية',
    en: 'Estimated total value',
    es: 'Valor total estimado',
    fr: 'Valeur totale estimée',
    ru: 'Общая оценочная стоимость',
    zh: '估计总价值',
  },
  guidance: {
    ar: 'المبلغ والعملة، مثل 250000 يورو.',
    en: 'Amount and currency, e.g. EUR 250,000.',
    es: 'Importe y moneda, p. ej., 250.000 EUR.',
    fr: 'Montant et devise, par ex. 250 000 EUR.',
    ru: 'Сумма и валюта, например 250 000 EUR.',
    zh: '金额和币种，例如 250,000 欧元。',
  },
});

export const proceedsMeasures = field({
  id: 'proceedsMeasures',
  kind: 'choices',
  step: 'assistance',
  required: true,
  source: 'UNTOC 13(2), UN 50 (?)',
  options: ['trace', 'freeze', 'seize'],
  optionLabels: [
    { ar: 'التعرف والتعقب', en: 'Identify and trace', es: 'Identificación y localización', fr: 'Identification et localisation', ru: 'Выявление и розыск', zh: '查明和追查' },
    { ar: 'التجميد', en: 'Freeze', es: 'Embargo preventivo', fr: 'Gel', ru: 'Арест (замораживание)', zh: '冻结' },
    { ar: 'الحجز', en: 'Seize', es: 'Incautación', fr: 'Saisie', ru: 'Изъятие', zh: '扣押' },
  ],
  label: {
    ar: 'التدابير المطلوبة',
    en: 'Measures requested',
    es: 'Medidas solicitadas',
    fr: 'Mesures demandées',
    ru: 'Запрашиваемые меры',
    zh: '所请求的措施',
  },
  guidance: {
    ar: 'يتيح التعقّب تحديد الأصول؛ ويحول التجميد أو الحجز دون نقلها ريثما تُصادَر.',
    en: 'Tracing identifies assets; freezing or seizure prevents their transfer pending confiscation.',
    es: 'La localización identifica los bienes; el embargo preventivo o la incautación impiden su transferencia hasta el decomiso.',
    fr: 'L’identification permet de localiser les avoirs ; le gel ou la saisie en empêche le transfert dans l’attente de la confiscation.',
    ru: 'Розыск позволяет выявить активы; арест или изъятие препятствуют их передаче до конфискации.',
    zh: '追查用于查明资产；冻结或扣押用于在没收前防止资产转移。',
  },
});

export const linkToOffence = field({
  id: 'linkToOffence',
  kind: 'longtext',
  step: 'assistance',
  required: true,
  source: 'UNTOC 12(1), 13(3)',
  label: {
    ar: 'الصلة بين الأصول والجريمة',
    en: 'Link between assets and offence',
    es: 'Vínculo entre los bienes y el delito',
    fr: "Lien entre les avoirs et l'infraction",
    ru: 'Связь имущества с преступлением',
    zh: '资产与犯罪的关联',
  },
  guidance: {
    ar: 'سبب اعتبار الأصول عائدات للجريمة أو أدوات لها، أو ممتلكات تعادلها قيمة.',
    en: 'Why the assets are proceeds or instrumentalities of the offence, or property of corresponding value.',
    es: 'Por qué los bienes son producto o instrumento del delito, o bienes de valor equivalente.',
    fr: "Pourquoi les avoirs constituent le produit ou l'instrument de l'infraction, ou des biens d'une valeur correspondante.",
    ru: 'Почему активы являются доходами или орудиями преступления либо имуществом соответствующей стоимости.',
    zh: '为何该资产属于犯罪所得或犯罪工具，或价值相当的财产。',
  },
});

export const freezingOrderReference = field({
  id: 'freezingOrderReference',
  kind: 'text',
  step: 'assistance',
  required: false,
  source: 'UNTOC 13(2)',
  label: {
    ar: 'أمر التجميد الوطني',
    en: 'Domestic freezing order',
    es: 'Orden nacional de embargo preventivo',
    fr: 'Décision nationale de gel',
    ru: 'Национальное решение об аресте имущества',
    zh: '本国冻结令',
  },
  guidance: {
    ar: 'مرجع أمر التجميد أو الحجز الصادر لديكم وتاريخه والجهة المُصدِرة له، إن وُجد؛ مع إرفاق نسخة منه.',
    en: 'Reference, date and issuing authority of your own freezing or seizure order, if any; attach a copy.',
    es: 'Referencia, fecha y autoridad emisora de su propia orden de embargo preventivo o incautación, en su caso; adjunte una copia.',
    fr: 'Référence, date et autorité d’émission de votre décision de gel ou de saisie, le cas échéant ; joindre une copie.',
    ru: 'Номер, дата и орган, вынесший ваше решение об аресте или изъятии, если таковое имеется; приложите копию.',
    zh: '贵方冻结令或扣押令（如有）的编号、日期和签发机关；请附副本。',
  },
});

export const confiscationOrder = field({
  id: 'confiscationOrder',
  kind: 'text',
  step: 'assistance',
  required: true,
  source: 'UNTOC 13(1)(b), 13(3)(b)',
  label: {
    ar: 'أمر المصادرة',
    en: 'Confiscation order',
    es: 'Orden de decomiso',
    fr: 'Décision de confiscation',
    ru: 'Решение о конфискации',
    zh: '没收令',
  },
  guidance: {
    ar: 'مرجع أمر المصادرة المراد تنفيذه والمحكمة التي أصدرته؛ مع إرفاق نسخة مصدقة منه.',
    en: 'Reference and court of the confiscation order to be enforced; attach a certified copy.',
    es: 'Referencia y tribunal de la orden de decomiso que debe ejecutarse; adjunte una copia certificada.',
    fr: 'Référence et juridiction de la décision de confiscation à exécuter ; joindre une copie certifiée conforme.',
    ru: 'Номер и суд, вынесший подлежащее исполнению решение о конфискации; приложите заверенную копию.',
    zh: '需执行的没收令的编号和作出法院；请附经核证的副本。',
  },
});

export const confiscationOrderDate = field({
  id: 'confiscationOrderDate',
  kind: 'date',
  step: 'assistance',
  required: true,
  source: 'UNTOC 13(3)(b)',
  label: {
    ar: 'تاريخ أمر المصادرة',
    en: 'Date of the confiscation order',
    es: 'Fecha de la orden de decomiso',
    fr: 'Date de la décision de confiscation',
    ru: 'Дата решения о конфискации',
    zh: '没收令日期',
  },
  guidance: {
    ar: 'تاريخ صدور الأمر.',
    en: 'The date the order was made.',
    es: 'La fecha en que se dictó la orden.',
    fr: 'La date à laquelle la décision a été rendue.',
    ru: 'Дата вынесения решения.',
    zh: '作出该命令的日期。',
  },
});

/** `false` draws a warning: many States enforce only final orders. */
export const orderFinal = field({
  id: 'orderFinal',
  kind: 'boolean',
  step: 'assistance',
  required: true,
  source: 'UNTOC 13(3)(b)',
  label: {
    ar: 'الأمر نهائي وواجب النفاذ',
    en: 'Order final and enforceable',
    es: 'Orden firme y ejecutable',
    fr: 'Décision définitive et exécutoire',
    ru: 'Решение окончательное и подлежит исполнению',
    zh: '命令已生效且可执行',
  },
  guidance: {
    ar: 'أكِّدوا أن الأمر غير قابل للطعن بطرق الطعن العادية؛ إذ لا تنفذ دول كثيرة إلا الأوامر النهائية.',
    en: 'Confirm that no ordinary appeal lies against the order; many States enforce only final orders.',
    es: 'Confirme que contra la orden no cabe recurso ordinario; muchos Estados solo ejecutan órdenes firmes.',
    fr: 'Confirmez que la décision n’est plus susceptible de recours ordinaire ; de nombreux États n’exécutent que les décisions définitives.',
    ru: 'Подтвердите, что решение не может быть обжаловано в обычном порядке; многие государства исполняют только окончательные решения.',
    zh: '确认对该命令已不能提出普通上诉；许多国家仅执行终局命令。',
  },
});

export const thirdPartyRights = field({
  id: 'thirdPartyRights',
  kind: 'longtext',
  step: 'safeguards',
  required: false,
  source: 'UNTOC 12(8), 13(8)',
  label: {
    ar: 'حقوق الأطراف الثالثة',
    en: 'Rights of third parties',
    es: 'Derechos de terceros',
    fr: 'Droits des tiers',
    ru: 'Права третьих лиц',
    zh: '第三方权利',
  },
  guidance: {
    ar: 'ما إذا كانت أطراف ثالثة حسنة النية، بمن فيها الضحايا، تطالب بالأصول، وكيف استُمع إليها.',
    en: 'Whether bona fide third parties, including victims, claim the assets, and how they were heard.',
    es: 'Si terceros de buena fe, incluidas las víctimas, reclaman los bienes, y cómo fueron oídos.',
    fr: 'Si des tiers de bonne foi, y compris des victimes, revendiquent les avoirs, et comment ils ont été entendus.',
    ru: 'Претендуют ли на активы добросовестные третьи лица, включая потерпевших, и как они были заслушаны.',
    zh: '是否有善意第三方（包括被害人）对资产主张权利，以及如何听取其意见。',
  },
});

export const returnRequested = field({
  id: 'returnRequested',
  kind: 'boolean',
  step: 'assistance',
  required: false,
  source: 'UNTOC 14(2), UN 52 (?)',
  label: {
    ar: 'طلب إرجاع الأصول',
    en: 'Return of assets requested',
    es: 'Solicitud de restitución de bienes',
    fr: 'Restitution des avoirs demandée',
    ru: 'Запрашивается возврат активов',
    zh: '请求返还资产',
  },
  guidance: {
    ar: 'مطالبة بإرجاع الأصول المصادرة إلى دولتكم أو إلى أصحابها الشرعيين، مثل الضحايا.',
    en: 'Ask that confiscated assets be returned to your State or to their legitimate owners, e.g. victims.',
    es: 'Pedir que los bienes decomisados se restituyan a su Estado o a sus legítimos propietarios, p. ej., las víctimas.',
    fr: 'Demander que les avoirs confisqués soient restitués à votre État ou à leurs propriétaires légitimes, par ex. les victimes.',
    ru: 'Просить о возврате конфискованных активов вашему государству или их законным владельцам, например потерпевшим.',
    zh: '请求将所没收资产返还贵国或其合法所有人，例如被害人。',
  },
});

export const returnBasis = field({
  id: 'returnBasis',
  kind: 'longtext',
  step: 'assistance',
  required: false,
  requiredWhen: { field: 'returnRequested', equals: true },
  source: 'UNTOC 14(2), UN 52 (?)',
  label: {
    ar: 'أساس الإرجاع',
    en: 'Basis for return',
    es: 'Fundamento de la restitución',
    fr: 'Fondement de la restitution',
    ru: 'Основание для возврата',
    zh: '返还依据',
  },
  guidance: {
    ar: 'من هم المالكون الشرعيون أو الضحايا وما الأدلة على حقهم، أو الأساس الذي يستند إليه الإرجاع إلى دولتكم.',
    en: 'Who the legitimate owners or victims are and the evidence of their claim, or the basis for return to your State.',
    es: 'Quiénes son los propietarios legítimos o las víctimas y qué pruebas acreditan su derecho, o el fundamento de la restitución a su Estado.',
    fr: 'Qui sont les propriétaires légitimes ou les victimes et quels éléments étayent leur droit, ou le fondement de la restitution à votre État.',
    ru: 'Кто является законными владельцами или потерпевшими и какие доказательства подтверждают их права, либо основание для возврата вашему государству.',
    zh: '合法所有人或被害人是谁及其权利主张的证据，或向贵国返还的依据。',
  },
});

export const PROCEEDS_TRACING_FREEZING: RequestTypeDefinition = defineType({
  id: 'proceeds_tracing_freezing',
  title: {
    ar: 'تعقب العائدات الإجرامية وتجميدها',
    en: 'Tracing and freezing of proceeds',
    es: 'Localización y embargo preventivo del producto del delito',
    fr: 'Localisation et gel des produits du crime',
    ru: 'Розыск и арест доходов от преступлений',
    zh: '追查和冻结犯罪所得',
  },
  summary: {
    ar: 'كشف عائدات الجريمة وأدواتها، بما فيها الأصول الافتراضية، وتعقبها وتجميدها أو حجزها، بغرض مصادرتها في نهاية المطاف.',
    en: 'Identification, tracing, freezing or seizure of proceeds and instrumentalities of crime, including virtual assets, for eventual confiscation.',
    es: 'Identificación, localización, embargo preventivo o incautación del producto y los instrumentos del delito, incluidos los activos virtuales, con miras a su eventual decomiso.',
    fr: 'Identification, localisation, gel ou saisie du produit et des instruments du crime, y compris les actifs virtuels, en vue d’une confiscation éventuelle.',
    ru: 'Выявление, розыск, арест или изъятие доходов и орудий преступлений, включая виртуальные активы, для возможной последующей конфискации.',
    zh: '为最终没收而辨认、追查、冻结或扣押犯罪所得和犯罪工具，包括虚拟资产。',
  },
  routing: 'central_authority',
  measures: ['information', 'freezing'],
  emergency: false,
  dualCriminality: 'required',
  safeguards: ['proportionality', 'judicial_authorization', 'legal_basis', 'use_limitation', 'dual_criminality'],
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    ...MLA_CONTENTS,
    proceedsMeasures,
    assets,
    estimatedTotalValue,
    linkToOffence,
    freezingOrderReference,
    proportionality,
    thirdPartyRights,
    ...MLA_HANDLING,
  ],
  follows: [],
});

export const CONFISCATION: RequestTypeDefinition = defineType({
  id: 'confiscation',
  title: {
    ar: 'المصادرة وإرجاع الأصول',
    en: 'Confiscation and return of assets',
    es: 'Decomiso y restitución de bienes',
    fr: 'Confiscation et restitution d’avoirs',
    ru: 'Конфискация и возврат активов',
    zh: '没收和返还资产',
  },
  summary: {
    ar: 'تنفيذ أمر مصادرة، وإرجاع الأصول المصادرة أو التصرف فيها.',
    en: 'Enforcement of a confiscation order, and the return or disposal of the confiscated assets.',
    es: 'Ejecución de una orden de decomiso, y restitución o disposición de los bienes decomisados.',
    fr: 'Exécution d’une décision de confiscation, et restitution ou disposition des avoirs confisqués.',
    ru: 'Исполнение решения о конфискации, а также возврат конфискованных активов или распоряжение ими.',
    zh: '执行没收令，以及返还或处置所没收的资产。',
  },
  routing: 'central_authority',
  measures: ['confiscation'],
  emergency: false,
  dualCriminality: 'required',
  safeguards: ['legal_basis', 'use_limitation', 'dual_criminality'],
  fields: [
    ...CENTRAL_AUTHORITY_CONTACT,
    ...MLA_CONTENTS,
    confiscationOrder,
    confiscationOrderDate,
    orderFinal,
    assets,
    estimatedTotalValue,
    linkToOffence,
    returnRequested,
    returnBasis,
    thirdPartyRights,
    ...MLA_HANDLING,
  ],
  follows: ['proceeds_tracing_freezing'],
});
