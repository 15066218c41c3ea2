import { formatCheckpoint } from '../../../../platform/ledger/checkpoint.ts';
import { ed25519SignerFromSeed, signNote } from '../../../../platform/ledger/note.ts';
import type { LetterInput, LetterSection } from '../types.ts';

/**
 * Realistic letters for tests (scenario 1 of SCENARIOS.md: Arland asks Borduria to preserve the data of a
 * phishing campaign): 17 rows in four sections, one of them a statement of facts long enough to run over a page,
 * and a real signed checkpoint note. Test support only.
 */

export type SampleLanguage = 'en' | 'fr' | 'ru' | 'ar' | 'zh';

const SIGNER = ed25519SignerFromSeed('comity.xa.example/ledger', new Uint8Array(32).fill(7));

/** A genuine C2SP checkpoint signed note (deterministic: fixed key and Ed25519). */
export const CHECKPOINT_NOTE = signNote(
  formatCheckpoint({ origin: 'comity.xa.example/ledger', size: 4243n, rootHash: new Uint8Array(32).map((_, i) => (i * 37 + 11) % 256) }),
  [SIGNER],
);

interface Text {
  readonly title: string;
  readonly headings: readonly [string, string, string, string];
  readonly rows: readonly (readonly [string, string])[];
  readonly facts: readonly string[];
  readonly factsLabel: string;
  readonly signer: { readonly title: string; readonly authority: string; readonly decision: string };
  readonly from: { readonly stateName: string; readonly authority: string };
  readonly to: { readonly stateName: string; readonly authority: string };
  readonly hint: string;
}

const EN: Text = {
  title: 'Request for expedited preservation of stored computer data',
  headings: ['Requesting authority', 'Facts and offences', 'Assistance sought', 'Safeguards and handling'],
  rows: [
    ['Requesting authority', 'Office of the Prosecutor General of Arland, Cybercrime Unit'],
    ['Contact person', 'Ms Irena Kovač, Senior Prosecutor'],
    ['E-mail', 'irena.kovac@pg.xa.example'],
    ['Telephone', '+381 11 555 0199'],
    ['Offences', 'Illegal access (UN art. 7); computer-related fraud (UN art. 11)'],
    ['Legal provisions and penalties', 'Criminal Code of Arland, s. 202a (illegal access), up to 5 years; s. 263a (computer fraud), up to 10 years'],
    ['Period concerned', 'From 3 January 2026 to 14 February 2026'],
    ['Service provider', 'Northwind Hosting Ltd., 12 Harbour Street, Szohod, Borduria'],
    ['Identifiers', '203.0.113.45; 2001:db8::17; payroll-update@northwind-mail.xb.example; https://portal-login.northwind-mail.xb.example/session/8f3a2c'],
    ['Data to be preserved', 'Subscriber information, traffic data (connection logs with source IP addresses and ports) and stored content of the mailbox named above.'],
    ['Preservation period requested', '90 days, renewable'],
    ['Follow-up', 'A request for the production of the preserved data will follow within 60 days.'],
    ['Dual criminality', 'Not required for preservation (UN art. 42(3)).'],
    ['Use limitation', 'The data will be used only in the criminal proceedings described in this request.'],
    ['Confidentiality', 'Please keep this request confidential and do not inform the account holder.'],
    ['Urgency', 'Urgent: the provider overwrites its connection logs after 30 days.'],
  ],
  factsLabel: 'Summary of the facts',
  facts: [
    'Between 3 January and 14 February 2026, employees of at least 41 companies in Arland received e-mails that imitated the payroll portal of their employer.',
    'The messages were sent from the address payroll-update@northwind-mail.xb.example and linked to a page hosted at 203.0.113.45, which collected user names and passwords.',
    'With the stolen credentials the offenders logged into the payroll systems, changed the bank details of 212 employees and diverted salaries of about EUR 1.9 million to accounts opened with forged documents.',
    'The investigation has established that the mailbox and the web server are operated through accounts held with Northwind Hosting Ltd., a provider established in Borduria.',
    'Without preservation, the connection logs that would identify the persons who operated these accounts will be overwritten within days, and the offenders will not be identified.',
  ],
  signer: { title: 'Senior Prosecutor, Cybercrime Unit', authority: 'Office of the Prosecutor General of Arland', decision: 'Order 2026/118 of the Investigating Judge of Arland City, 20 February 2026' },
  from: { stateName: 'Arland', authority: 'Central Authority of Arland, Ministry of Justice' },
  to: { stateName: 'Borduria', authority: 'Central Authority of Borduria' },
  hint: 'To verify this paper, fetch the receipt of this entry and run: comity ledger receipt-verify receipt.json --vkey-file node.vkey',
};

const FR: Text = {
  title: 'Demande de conservation rapide de données informatiques stockées',
  headings: ['Autorité requérante', 'Faits et infractions', 'Assistance demandée', 'Garanties et traitement'],
  rows: [
    ['Autorité requérante', 'Parquet général d’Arland, section de la cybercriminalité'],
    ['Personne à contacter', 'Mme Irène Lefèvre, procureure principale'],
    ['Courriel', 'irene.lefevre@pg.xa.example'],
    ['Téléphone', '+381 11 555 0199'],
    ['Infractions', 'Accès illégal (art. 7 de la Convention) ; fraude informatique (art. 11)'],
    ['Dispositions légales et peines', 'Code pénal d’Arland, art. 202a (accès illégal), jusqu’à 5 ans ; art. 263a (fraude informatique), jusqu’à 10 ans'],
    ['Période concernée', 'Du 3 janvier 2026 au 14 février 2026'],
    ['Fournisseur de services', 'Northwind Hosting Ltd., 12 rue du Port, Szohod, Bordurie'],
    ['Identifiants', '203.0.113.45 ; 2001:db8::17 ; payroll-update@northwind-mail.xb.example'],
    ['Données à conserver', 'Données relatives aux abonnés, données relatives au trafic (journaux de connexion avec adresses IP et ports sources) et contenu stocké de la boîte aux lettres citée.'],
    ['Durée de conservation demandée', '90 jours, renouvelable'],
    ['Suite envisagée', 'Une demande de production des données conservées suivra dans les 60 jours.'],
    ['Double incrimination', 'Non requise pour la conservation (art. 42, par. 3).'],
    ['Limitation de l’usage', 'Les données ne seront utilisées que dans la procédure pénale décrite dans la présente demande.'],
    ['Confidentialité', 'Nous vous prions de garder la présente demande confidentielle et de ne pas informer le titulaire du compte.'],
    ['Urgence', 'Urgent : le fournisseur écrase ses journaux de connexion après 30 jours.'],
  ],
  factsLabel: 'Exposé des faits',
  facts: [
    'Entre le 3 janvier et le 14 février 2026, des salariés d’au moins 41 entreprises d’Arland ont reçu des courriels imitant le portail de paie de leur employeur.',
    'Les messages provenaient de l’adresse payroll-update@northwind-mail.xb.example et renvoyaient vers une page hébergée à l’adresse 203.0.113.45, qui recueillait identifiants et mots de passe.',
    'Au moyen des identifiants volés, les auteurs se sont connectés aux systèmes de paie, ont modifié les coordonnées bancaires de 212 salariés et ont détourné environ 1,9 million d’euros vers des comptes ouverts sous de faux documents.',
    'L’enquête a établi que la boîte aux lettres et le serveur web sont exploités au moyen de comptes ouverts auprès de Northwind Hosting Ltd., fournisseur établi en Bordurie.',
    'Faute de conservation, les journaux de connexion qui permettraient d’identifier les personnes ayant utilisé ces comptes seront écrasés dans quelques jours.',
  ],
  signer: { title: 'Procureure principale, section de la cybercriminalité', authority: 'Parquet général d’Arland', decision: 'Ordonnance n° 2026/118 du juge d’instruction d’Arland-Ville, 20 février 2026' },
  from: { stateName: 'Arland', authority: 'Autorité centrale d’Arland, ministère de la Justice' },
  to: { stateName: 'Bordurie', authority: 'Autorité centrale de Bordurie' },
  hint: 'Pour vérifier ce document, obtenez le reçu de cette entrée puis exécutez : comity ledger receipt-verify receipt.json --vkey-file node.vkey',
};

const RU: Text = {
  title: 'Запрос об оперативном обеспечении сохранности хранимых компьютерных данных',
  headings: ['Запрашивающий орган', 'Факты и преступления', 'Запрашиваемая помощь', 'Гарантии и порядок обработки'],
  rows: [
    ['Запрашивающий орган', 'Генеральная прокуратура Арландии, отдел по борьбе с киберпреступностью'],
    ['Контактное лицо', 'Ирина Ковальчук, старший прокурор'],
    ['Электронная почта', 'irina.kovalchuk@pg.xa.example'],
    ['Телефон', '+381 11 555 0199'],
    ['Преступления', 'Неправомерный доступ (ст. 7 Конвенции); мошенничество с использованием компьютерных данных (ст. 11)'],
    ['Правовые нормы и наказания', 'Уголовный кодекс Арландии, ст. 202a (неправомерный доступ) — до 5 лет; ст. 263a (компьютерное мошенничество) — до 10 лет'],
    ['Период', 'С 3 января 2026 года по 14 февраля 2026 года'],
    ['Поставщик услуг', 'Northwind Hosting Ltd., ул. Гаванская, 12, Сзоход, Бордурия'],
    ['Идентификаторы', '203.0.113.45; 2001:db8::17; payroll-update@northwind-mail.xb.example'],
    ['Данные, подлежащие сохранению', 'Сведения об абонентах, данные о трафике (журналы соединений с IP-адресами и портами источника) и хранимое содержимое указанного почтового ящика.'],
    ['Запрашиваемый срок сохранения', '90 дней с возможностью продления'],
    ['Дальнейшие действия', 'Запрос о предоставлении сохранённых данных будет направлен в течение 60 дней.'],
    ['Двойная криминальность', 'Не требуется для обеспечения сохранности (п. 3 ст. 42).'],
    ['Ограничение использования', 'Данные будут использованы только в уголовном производстве, описанном в настоящем запросе.'],
    ['Конфиденциальность', 'Просим сохранять конфиденциальность настоящего запроса и не уведомлять владельца учётной записи.'],
    ['Срочность', 'Срочно: поставщик перезаписывает журналы соединений через 30 дней.'],
  ],
  factsLabel: 'Изложение фактов',
  facts: [
    'В период с 3 января по 14 февраля 2026 года сотрудники не менее 41 компании Арландии получили электронные письма, имитирующие портал начисления заработной платы их работодателя.',
    'Письма отправлялись с адреса payroll-update@northwind-mail.xb.example и содержали ссылку на страницу по адресу 203.0.113.45, собиравшую логины и пароли.',
    'С помощью похищенных учётных данных злоумышленники вошли в системы начисления зарплаты, изменили банковские реквизиты 212 сотрудников и перевели около 1,9 млн евро на счета, открытые по поддельным документам.',
    'Следствием установлено, что почтовый ящик и веб-сервер используются через учётные записи в компании Northwind Hosting Ltd., зарегистрированной в Бордурии.',
    'Без обеспечения сохранности журналы соединений, позволяющие установить лиц, пользовавшихся этими учётными записями, будут перезаписаны в ближайшие дни.',
  ],
  signer: { title: 'Старший прокурор отдела по борьбе с киберпреступностью', authority: 'Генеральная прокуратура Арландии', decision: 'Постановление следственного судьи г. Арланд № 2026/118 от 20 февраля 2026 года' },
  from: { stateName: 'Арландия', authority: 'Центральный орган Арландии, Министерство юстиции' },
  to: { stateName: 'Бордурия', authority: 'Центральный орган Бордурии' },
  hint: 'Чтобы проверить этот документ, получите квитанцию записи и выполните: comity ledger receipt-verify receipt.json --vkey-file node.vkey',
};

const AR: Text = {
  title: 'طلب حفظ عاجل لبيانات حاسوبية مخزنة',
  headings: ['السلطة الطالبة', 'الوقائع والجرائم', 'المساعدة المطلوبة', 'الضمانات والمعالجة'],
  rows: [
    ['السلطة الطالبة', 'النيابة العامة في أرلاند، وحدة الجرائم السيبرانية'],
    ['الشخص المسؤول عن الاتصال', 'السيدة ليلى حداد، مدعية عامة أولى'],
    ['البريد الإلكتروني', 'leila.haddad@pg.xa.example'],
    ['الهاتف', '+381 11 555 0199'],
    ['الجرائم', 'الدخول غير المشروع (المادة 7 من الاتفاقية)؛ الاحتيال المتصل بالحاسوب (المادة 11)'],
    ['الأحكام القانونية والعقوبات', 'قانون العقوبات في أرلاند، المادة 202a (الدخول غير المشروع)، حتى 5 سنوات؛ المادة 263a (الاحتيال الحاسوبي)، حتى 10 سنوات'],
    ['الفترة المعنية', 'من 3 يناير 2026 إلى 14 فبراير 2026'],
    ['مقدم الخدمة', 'شركة Northwind Hosting Ltd.، 12 شارع المرفأ، سزوهود، بوردوريا'],
    ['المعرفات', '203.0.113.45؛ 2001:db8::17؛ payroll-update@northwind-mail.xb.example'],
    ['البيانات المطلوب حفظها', 'معلومات المشتركين وبيانات الحركة (سجلات الاتصال مع عناوين IP والمنافذ المصدر) والمحتوى المخزن في صندوق البريد المذكور.'],
    ['مدة الحفظ المطلوبة', '90 يوما قابلة للتجديد'],
    ['الإجراء اللاحق', 'سيرسل طلب لتقديم البيانات المحفوظة في غضون 60 يوما.'],
    ['ازدواجية التجريم', 'غير مطلوبة للحفظ (الفقرة 3 من المادة 42).'],
    ['تقييد الاستخدام', 'لن تستخدم البيانات إلا في الإجراءات الجنائية المبينة في هذا الطلب.'],
    ['السرية', 'يرجى الحفاظ على سرية هذا الطلب وعدم إبلاغ صاحب الحساب.'],
    ['الاستعجال', 'عاجل: يقوم مقدم الخدمة بمسح سجلات الاتصال بعد 30 يوما.'],
  ],
  factsLabel: 'ملخص الوقائع',
  facts: [
    'في الفترة من 3 يناير إلى 14 فبراير 2026، تلقى موظفو ما لا يقل عن 41 شركة في أرلاند رسائل بريد إلكتروني تحاكي بوابة الرواتب لدى جهة عملهم.',
    'أرسلت الرسائل من العنوان payroll-update@northwind-mail.xb.example وتضمنت رابطا إلى صفحة مستضافة على العنوان 203.0.113.45 كانت تجمع أسماء المستخدمين وكلمات المرور.',
    'باستخدام بيانات الدخول المسروقة، دخل الجناة إلى أنظمة الرواتب وغيروا البيانات المصرفية لـ 212 موظفا وحولوا نحو 1.9 مليون يورو إلى حسابات فتحت بوثائق مزورة.',
    'أثبت التحقيق أن صندوق البريد وخادم الويب يداران من خلال حسابات لدى شركة Northwind Hosting Ltd. المسجلة في بوردوريا.',
    'من دون الحفظ، ستمسح خلال أيام سجلات الاتصال التي تسمح بتحديد هوية الأشخاص الذين استخدموا هذه الحسابات.',
  ],
  signer: { title: 'مدعية عامة أولى، وحدة الجرائم السيبرانية', authority: 'النيابة العامة في أرلاند', decision: 'الأمر رقم 2026/118 الصادر عن قاضي التحقيق في مدينة أرلاند بتاريخ 20 فبراير 2026' },
  from: { stateName: 'أرلاند', authority: 'السلطة المركزية في أرلاند، وزارة العدل' },
  to: { stateName: 'بوردوريا', authority: 'السلطة المركزية في بوردوريا' },
  hint: 'للتحقق من هذه الورقة، احصل على إيصال هذا القيد ثم نفذ الأمر comity ledger receipt-verify receipt.json --vkey-file node.vkey',
};

const ZH: Text = {
  title: '关于快速保全所存储计算机数据的请求',
  headings: ['请求机关', '事实和犯罪', '所请求的协助', '保障措施和处理'],
  rows: [
    ['请求机关', '阿兰德总检察院网络犯罪处'],
    ['联系人', '王丽娜，高级检察官'],
    ['电子邮件', 'lina.wang@pg.xa.example'],
    ['电话', '+381 11 555 0199'],
    ['犯罪', '非法访问（公约第7条）；与计算机有关的诈骗（第11条）'],
    ['法律规定和刑罚', '阿兰德刑法第202a条（非法访问），最高5年；第263a条（计算机诈骗），最高10年'],
    ['所涉期间', '2026年1月3日至2026年2月14日'],
    ['服务提供者', 'Northwind Hosting Ltd.，波尔杜里亚斯佐霍德港口街12号'],
    ['标识符', '203.0.113.45；2001:db8::17；payroll-update@northwind-mail.xb.example'],
    ['需保全的数据', '上述邮箱的订户信息、流量数据（含源IP地址和端口的连接日志）以及所存储的内容。'],
    ['请求的保全期限', '90天，可续期'],
    ['后续措施', '将在60天内提出调取所保全数据的请求。'],
    ['双重犯罪', '保全不要求双重犯罪（第42条第3款）。'],
    ['使用限制', '数据仅用于本请求所述的刑事诉讼。'],
    ['保密', '请对本请求保密，不要通知账户持有人。'],
    ['紧急程度', '紧急：服务提供者在30天后覆盖其连接日志。'],
  ],
  factsLabel: '事实摘要',
  facts: [
    '2026年1月3日至2月14日期间，阿兰德至少41家公司的员工收到了冒充其雇主工资门户网站的电子邮件。',
    '这些邮件从payroll-update@northwind-mail.xb.example发出，并链接到托管在203.0.113.45上的网页，该网页收集用户名和密码。',
    '犯罪人利用窃取的登录凭据进入工资系统，更改了212名员工的银行信息，并将约190万欧元转入以伪造文件开立的账户。',
    '调查查明，该邮箱和网络服务器是通过在波尔杜里亚设立的Northwind Hosting Ltd.开立的账户运营的。',
    '如不予保全，能够识别使用这些账户人员身份的连接日志将在数日内被覆盖。',
  ],
  signer: { title: '网络犯罪处高级检察官', authority: '阿兰德总检察院', decision: '阿兰德市预审法官2026年2月20日第2026/118号令' },
  from: { stateName: '阿兰德', authority: '阿兰德中央机关（司法部）' },
  to: { stateName: '波尔杜里亚', authority: '波尔杜里亚中央机关' },
  hint: '如需核验本文件，请获取该条目的回执并运行：comity ledger receipt-verify receipt.json --vkey-file node.vkey',
};

export const SAMPLE_TEXT: Readonly<Record<SampleLanguage, Text>> = { en: EN, fr: FR, ru: RU, ar: AR, zh: ZH };

/** The statement of facts: the five paragraphs, three times, numbered — long enough to run over a page. */
export function factsOf(lang: SampleLanguage): string {
  const t = SAMPLE_TEXT[lang];
  return [0, 1, 2].flatMap((round) => t.facts.map((p, i) => `${round * t.facts.length + i + 1}. ${p}`)).join('\n');
}

/** The sections of the sample letter: 17 rows, the long statement of facts in the second section. */
export function sampleSections(lang: SampleLanguage): LetterSection[] {
  const t = SAMPLE_TEXT[lang];
  const row = (i: number): { label: string; value: string } => {
    const r = t.rows[i];
    if (r === undefined) throw new Error(`sample row ${i} missing`);
    return { label: r[0], value: r[1] };
  };
  return [
    { heading: t.headings[0], rows: [0, 1, 2, 3].map(row) },
    { heading: t.headings[1], rows: [row(4), { label: t.factsLabel, value: factsOf(lang) }, row(5), row(6)] },
    { heading: t.headings[2], rows: [7, 8, 9, 10, 11].map(row) },
    { heading: t.headings[3], rows: [12, 13, 14, 15].map(row) },
  ];
}

/** A complete letter in `lang`. */
export function sampleLetter(lang: SampleLanguage): LetterInput {
  const t = SAMPLE_TEXT[lang];
  return {
    language: lang,
    title: t.title,
    references: { ours: 'XA-PG-2026-000118', theirs: 'XB-CA/2026/0457', ledgerObject: '01JMZ8K3V6Q2T9W4R7X5Y1B0CD' },
    from: { state: 'XA', ...t.from },
    to: { state: 'XB', ...t.to },
    date: new Date('2026-02-21T09:30:00Z'),
    timeZone: 'Europe/Belgrade',
    sections: sampleSections(lang),
    signature: {
      name: lang === 'ar' ? 'ليلى حداد' : lang === 'zh' ? '王丽娜' : lang === 'ru' ? 'Ирина Ковальчук' : lang === 'fr' ? 'Irène Lefèvre' : 'Irena Kovač',
      title: t.signer.title,
      authority: t.signer.authority,
      authorizedBy: { name: lang === 'ar' ? 'القاضي سمير نصار' : lang === 'zh' ? '李明法官' : lang === 'ru' ? 'судья Пётр Соколов' : 'Judge Peter Sokol', decision: t.signer.decision },
    },
    receipt: { index: '4242', checkpoint: CHECKPOINT_NOTE, verifyHint: t.hint },
  };
}
