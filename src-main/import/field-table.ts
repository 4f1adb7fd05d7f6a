import type {
  BaseKind,
  ImportField,
  ImportFieldRole,
  ImportFieldType,
  ImportKind,
  ImportLinkKind,
  ImportOption,
} from '../contract';

/**
 * The built-in fields an import fills, per record kind, in the order the forms show them. Each
 * label is the form's and the list export's heading, word for word (tests/unit/import-fields
 * checks them against the renderer's messages, so a renamed label cannot leave exports behind);
 * the synonyms are the other headers people's spreadsheets use, Northwind's among them.
 * Synonyms are written '/'-separated; matching ignores case, spaces and punctuation.
 */

interface Extra {
  required?: boolean;
  base?: BaseKind;
  link?: ImportLinkKind;
  options?: readonly ImportOption[];
  role?: ImportFieldRole;
}

const words = (list: string) =>
  list
    .split('/')
    .map((w) => w.trim())
    .filter(Boolean);

function field(
  key: string,
  type: ImportFieldType,
  [zh, en]: readonly [string, string],
  synonyms: string,
  extra: Extra = {},
): ImportField {
  const { required = false, ...rest } = extra;
  return { key, type, required, label: { zh, en }, synonyms: words(synonyms), ...rest };
}

const option = (value: string, zh: string, en: string, synonyms = ''): ImportOption => ({
  value,
  zh,
  en,
  ...(synonyms ? { synonyms: words(synonyms) } : {}),
});

// Words several kinds share. Each kind keeps its own label; these are the other names.

const CUSTOMER_NAME =
  '客户名称/所属客户/客户/公司名称/公司/单位名称/单位/企业名称/客户全称/Customer/Customer Name/' +
  'CustomerName/Company/Company Name/CompanyName/Account/Account Name/Organization';
/** After the names: a name column, when a file has both, is the one a person checked. */
const CUSTOMER_CODE = '客户编号/客户编码/客户代码/Customer Code/Customer No/CustomerID/Customer ID';
const CONTACT = '联系人/联系人姓名/联系人名称/Contact/Contact Name/ContactName/Contact Person';
const OPPORTUNITY =
  '机会/机会名称/商机/商机名称/项目名称/Opportunity/Opportunity Name/Deal/Deal Name/机会编号/Opportunity Code';
const OWNER =
  '业务员/销售员/销售代表/负责人/客户经理/跟进人/所属业务员/经办人/Sales rep/Sales Representative/' +
  'Salesperson/Sales Person/Owner/Account Owner/Account Manager';
const PHONE =
  '电话/联系电话/固定电话/办公电话/座机/电话号码/公司电话/Phone/Tel/Telephone/Business Phone/Office Phone/Phone Number';
const MOBILE = '手机/手机号/手机号码/移动电话/Mobile/Cell/Cell Phone/Mobile Phone/Mobile Number';
const EMAIL = '电子邮件/邮箱/电子邮箱/邮件地址/Email/E-mail/Email Address/Mail';
const ADDRESS = '地址/通讯地址/联系地址/详细地址/公司地址/办公地址/Address/Street/Street Address';
const NOTES = '备注/附注/备忘/Notes/Note/Remarks/Remark/Comments/Comment/Memo';

const customerLink = (label: readonly [string, string], required: boolean) =>
  field('customerId', 'link', label, `${CUSTOMER_NAME}/${CUSTOMER_CODE}`, { link: 'customers', required });
const contactLink = (label: readonly [string, string]) =>
  field('contactId', 'link', label, CONTACT, { link: 'contacts' });
const opportunityLink = (label: readonly [string, string]) =>
  field('opportunityId', 'link', label, OPPORTUNITY, { link: 'opportunities' });
const owner = (label: readonly [string, string], key = 'ownerId', more = '') =>
  field(key, 'base', label, `${OWNER}${more}`, { base: 'sales_rep' });
const notes = (label: readonly [string, string]) => field('notes', 'text', label, `${NOTES}/说明`);

const customers: ImportField[] = [
  field('code', 'code', ['客户编号', 'Customer code'], `${CUSTOMER_CODE}/编号/编码/代码/Code`, {
    role: 'code',
  }),
  field(
    'name',
    'text',
    ['客户名称', 'Name'],
    '公司名称/单位名称/企业名称/名称/客户全称/公司全称/客户/公司/单位/Company/Company Name/CompanyName/' +
      'Customer/Customer Name/CustomerName/Account/Account Name/Organization',
    { required: true },
  ),
  field('shortName', 'text', ['客户简称', 'Short name'], '简称/公司简称/Short Name/Abbreviation'),
  field('typeId', 'base', ['客户类型', 'Type'], '类型/客户类别/Customer Type/Account Type', {
    base: 'customer_type',
  }),
  field('levelId', 'base', ['客户等级', 'Level'], '等级/客户级别/级别/Customer Level/Grade/Tier', {
    base: 'customer_level',
  }),
  field('stageId', 'base', ['生命周期阶段', 'Lifecycle stage'], '生命周期/客户阶段/阶段/Lifecycle/Stage', {
    base: 'lifecycle_stage',
  }),
  field('industryId', 'base', ['所属行业', 'Industry'], '行业/行业类别/Sector', { base: 'industry' }),
  field('sourceId', 'base', ['客户来源', 'Source'], '来源/Customer Source/Lead Source', { base: 'source' }),
  owner(['业务员', 'Sales rep']),
  field('creditRating', 'text', ['信用等级', 'Credit rating'], '信用/信用评级/Credit'),
  field('phone', 'code', ['电话', 'Phone'], PHONE),
  field('mobile', 'code', ['手机', 'Mobile'], MOBILE),
  field('fax', 'code', ['传真', 'Fax'], '传真号码/传真号/Fax Number'),
  field('email', 'text', ['电子邮件', 'Email'], EMAIL),
  field(
    'website',
    'text',
    ['网址', 'Website'],
    '网站/主页/公司网址/公司网站/Web Site/Homepage/HomePage/URL/Web',
  ),
  field('decisionMaker', 'text', ['决策人', 'Decision maker'], '决策者/关键决策人/DecisionMaker/Key Person'),
  field('regionId', 'base', ['所在地区', 'Region'], '地区/区域/省份/省/所在省份/Province/State', {
    base: 'region',
  }),
  field('city', 'text', ['城市', 'City'], '所在城市/市/Town'),
  field('areaCode', 'code', ['区号', 'Area code'], '电话区号/Dialing Code'),
  field(
    'postcode',
    'code',
    ['邮政编码', 'Postcode'],
    '邮编/Postal Code/PostalCode/Post Code/Zip/Zip Code/ZipCode',
  ),
  field('address', 'text', ['地址', 'Address'], ADDRESS),
  field(
    'products',
    'text',
    ['客户产品', 'Their products'],
    '主营产品/主要产品/经营产品/Products/Main Products',
  ),
  notes(['备注', 'Notes']),
];

const contacts: ImportField[] = [
  customerLink(['所属客户', 'Customer'], true),
  field(
    'name',
    'text',
    ['姓名', 'Name'],
    '联系人/联系人姓名/名字/全名/Contact/Contact Name/ContactName/Full Name/FullName/Person',
    { required: true },
  ),
  field('gender', 'enum', ['性别', 'Gender'], 'Sex', {
    options: [
      option('male', '男', 'Male', '男性/先生/M/Mr/Man'),
      option('female', '女', 'Female', '女性/女士/小姐/F/Ms/Mrs/Miss/Woman'),
    ],
  }),
  field('title', 'text', ['职务', 'Job title'], '职位/头衔/岗位/Title/ContactTitle/Contact Title/Position'),
  field('department', 'text', ['部门', 'Department'], '所在部门/Dept'),
  field('phone', 'code', ['电话', 'Phone'], `${PHONE}/工作电话/Work Phone`),
  field('mobile', 'code', ['手机', 'Mobile'], MOBILE),
  field('email', 'text', ['电子邮件', 'Email'], EMAIL),
  field('wechat', 'text', ['微信', 'WeChat'], '微信号/Weixin/WeChat ID'),
  field('qq', 'code', ['QQ', 'QQ'], 'QQ号/QQ号码'),
  field('birthday', 'date', ['生日', 'Birthday'], '出生日期/Birth Date/BirthDate/Date of Birth/DOB'),
  field('address', 'text', ['地址', 'Address'], ADDRESS),
  field(
    'isPrimary',
    'boolean',
    ['主要联系人', 'Primary contact'],
    '首要联系人/是否主要联系人/Primary/Is Primary',
  ),
  field('isDecisionMaker', 'boolean', ['决策人', 'Decision maker'], '是否决策人/Is Decision Maker'),
  notes(['备注', 'Notes']),
];

const products: ImportField[] = [
  field(
    'code',
    'code',
    ['产品编号', 'Product code'],
    '产品编码/产品代码/商品编号/商品编码/货号/编号/编码/Code/SKU/ProductID/Product ID/Item Code/Item No',
    { role: 'code' },
  ),
  field(
    'name',
    'text',
    ['产品名称', 'Product name'],
    '商品名称/品名/名称/产品/商品/Product/ProductName/Item/Item Name/Name',
    { required: true },
  ),
  field(
    'categoryId',
    'base',
    ['产品类别', 'Category'],
    '类别/产品分类/分类/商品类别/商品分类/Product Category/CategoryName/Category Name/CategoryID/Category ID',
    { base: 'product_category' },
  ),
  field('unit', 'text', ['单位', 'Unit'], '计量单位/UOM/Unit of Measure/QuantityPerUnit/Quantity Per Unit'),
  field(
    'listPrice',
    'money',
    ['标准价格', 'List price'],
    '价格/单价/售价/销售价/定价/标价/Price/UnitPrice/Unit Price/Sales Price',
  ),
  field('cost', 'money', ['成本', 'Cost'], '成本价/进价/采购价/Cost Price/Unit Cost'),
  field('active', 'boolean', ['在售', 'Active'], '是否在售/启用/是否启用/Enabled/On Sale'),
  field('description', 'text', ['产品说明', 'Description'], '说明/描述/产品描述/介绍/备注/Details/Notes'),
];

const opportunityStatus = [
  option('open', '进行中', 'Open', '跟进中/未结束/Active/In Progress'),
  option('won', '赢单', 'Won', '成交/已成交/Closed Won'),
  option('lost', '输单', 'Lost', '丢单/失败/Closed Lost'),
];

const opportunities: ImportField[] = [
  field(
    'code',
    'code',
    ['机会编号', 'Code'],
    '商机编号/编号/Opportunity Code/Opportunity ID/OpportunityID/Opportunity No',
    {
      role: 'code',
    },
  ),
  customerLink(['客户', 'Customer'], true),
  contactLink(['联系人', 'Contact']),
  field(
    'title',
    'text',
    ['机会名称', 'Title'],
    '机会/商机/商机名称/项目名称/名称/主题/Opportunity/Opportunity Name/Deal/Deal Name/Name/Subject',
    { required: true },
  ),
  field('sourceId', 'base', ['机会来源', 'Source'], '来源/商机来源/Lead Source', { base: 'source' }),
  field('stageId', 'base', ['阶段', 'Stage'], '销售阶段/机会阶段/商机阶段/Sales Stage/Pipeline Stage', {
    base: 'opportunity_stage',
  }),
  field('probability', 'percent', ['可能性', 'Probability'], '成功率/赢率/概率/成交概率/Win Probability'),
  field(
    'expectedAmount',
    'money',
    ['预计金额', 'Expected amount'],
    '预期金额/机会金额/预计销售额/金额/Amount/Value/Deal Value/Expected Revenue',
  ),
  field(
    'expectedCloseDate',
    'date',
    ['预计成交日期', 'Expected close date'],
    '预计结束日期/预计签单日期/成交日期/Close Date/CloseDate/Expected Close',
  ),
  owner(['业务员', 'Owner']),
  notes(['备注', 'Notes']),
  field('status', 'enum', ['状态', 'Status'], '机会状态', { options: opportunityStatus, role: 'close' }),
  field('lostReason', 'text', ['输单原因', 'Reason lost'], '丢单原因/失败原因/Lost Reason/Loss Reason', {
    role: 'close',
  }),
];

const saleStatus = [
  option('draft', '草稿', 'Draft'),
  option('confirmed', '已确认', 'Confirmed', '确认'),
  option('delivered', '已发货', 'Delivered', '发货/已送货/Shipped'),
  option('paid', '已收款', 'Paid', '已付款/已结清'),
  option('cancelled', '已取消', 'Cancelled', '取消/作废/Canceled'),
];

const sales: ImportField[] = [
  field(
    'code',
    'code',
    ['订单号', 'Order no.'],
    '订单编号/销售单号/单号/订单/销售编号/Order No/Order Number/OrderID/Order ID/Sale No/Invoice No',
    { role: 'code' },
  ),
  customerLink(['客户', 'Customer'], true),
  contactLink(['联系人', 'Contact']),
  field(
    'saleDate',
    'date',
    ['销售日期', 'Sale date'],
    '日期/订单日期/下单日期/成交日期/签单日期/Date/Order Date/OrderDate/Sales Date/Invoice Date',
    { required: true },
  ),
  owner(['业务员', 'Sales rep']),
  field('status', 'enum', ['状态', 'Status'], '订单状态/销售状态/Order Status', { options: saleStatus }),
  field(
    'amountReceived',
    'money',
    ['已收金额', 'Received'],
    '已收款/收款金额/实收金额/已付金额/Amount Received/Paid Amount',
  ),
  notes(['备注', 'Notes']),
  field(
    'productId',
    'link',
    ['产品', 'Product'],
    '产品名称/商品/商品名称/品名/产品编号/商品编号/Product Name/ProductName/ProductID/Product ID/Item/Item Name/SKU',
    { link: 'products', role: 'line', required: true },
  ),
  field('quantity', 'number', ['数量', 'Quantity'], '销售数量/件数/Qty', { role: 'line', required: true }),
  field('unitPrice', 'money', ['单价', 'Unit price'], '成交价/销售单价/价格/UnitPrice/Price', {
    role: 'line',
  }),
  field('discount', 'percent', ['折扣', 'Discount'], '折扣率/Discount Rate', { role: 'line' }),
];

const activities: ImportField[] = [
  customerLink(['客户', 'Customer'], true),
  contactLink(['联系人', 'Contact']),
  opportunityLink(['机会', 'Opportunity']),
  field('type', 'enum', ['行动类型', 'Type'], '类型/方式/联系方式/跟进方式/Activity Type', {
    required: true,
    options: [
      option('call', '电话', 'Call', '打电话/来电/去电/Phone/Phone Call'),
      option('visit', '拜访', 'Visit', '上门/走访/上门拜访'),
      option('email', '邮件', 'Email', '电子邮件/E-mail'),
      option('meeting', '会议', 'Meeting', '开会/会面/见面'),
      option('message', '短信', 'Message', '信息/消息/微信/SMS/Text'),
    ],
  }),
  field('subject', 'text', ['主题', 'Subject'], '标题/事项/Title', { required: true }),
  field('content', 'text', ['内容', 'Content'], '详情/描述/详细内容/Details/Description'),
  field(
    'occurredAt',
    'datetime',
    ['时间', 'Time'],
    '日期/行动时间/发生时间/联系时间/跟进时间/Date/Date Time/DateTime/Occurred At/Activity Date',
    { required: true },
  ),
  field(
    'nextFollowUp',
    'date',
    ['下次回访', 'Next follow-up'],
    '回访日期/下次回访日期/下次跟进/下次跟进日期/Follow-up Date/Next Follow Up Date',
  ),
  field('done', 'boolean', ['已完成', 'Done'], '是否完成/完成/Completed/Is Done'),
  owner(['业务员', 'Sales rep']),
];

const feedback: ImportField[] = [
  field('code', 'code', ['反馈编号', 'Code'], '编号/服务编号/工单号/Feedback Code/Ticket No/Ticket ID', {
    role: 'code',
  }),
  customerLink(['客户', 'Customer'], true),
  contactLink(['联系人', 'Contact']),
  field('typeId', 'base', ['反馈类型', 'Type'], '类型/服务类型/Feedback Type/Category', {
    base: 'feedback_type',
    required: true,
  }),
  field('subject', 'text', ['主题', 'Subject'], '标题/问题/Title/Issue', { required: true }),
  field('content', 'text', ['反馈内容', 'Details'], '内容/详情/问题描述/描述/Content/Description'),
  field('priority', 'enum', ['优先级', 'Priority'], '紧急程度', {
    options: [
      option('low', '低', 'Low'),
      option('normal', '普通', 'Normal', '中/一般/Medium'),
      option('high', '高', 'High'),
      option('urgent', '紧急', 'Urgent', '特急/加急'),
    ],
  }),
  field('receivedDate', 'date', ['受理日期', 'Received'], '日期/反馈日期/接收日期/Received Date/Date', {
    required: true,
  }),
  owner(['处理人', 'Handled by'], 'handlerId', '/受理人/Handler/Assigned To'),
  field('status', 'enum', ['状态', 'Status'], '处理状态', {
    role: 'close',
    options: [
      option('open', '处理中', 'Open', '未处理/待处理/未结束'),
      option('closed', '已结束', 'Closed', '已处理/已关闭/已完成'),
    ],
  }),
  field('result', 'text', ['处理结果', 'Resolution'], '结果/处理意见/Result', { role: 'close' }),
  field('satisfaction', 'number', ['满意度', 'Satisfaction'], '客户满意度/评分/Rating', { role: 'close' }),
  field('closedDate', 'date', ['结束日期', 'Closed on'], '关闭日期/完成日期/Closed Date/Close Date', {
    role: 'close',
  }),
];

const expenses: ImportField[] = [
  field('expenseDate', 'date', ['日期', 'Date'], '费用日期/发生日期/报销日期/Expense Date', {
    required: true,
  }),
  field(
    'categoryId',
    'base',
    ['类别', 'Category'],
    '费用类别/费用类型/类型/科目/费用科目/Expense Type/Type',
    {
      base: 'expense_category',
      required: true,
    },
  ),
  field('amount', 'money', ['金额', 'Amount'], '费用金额/报销金额/Expense Amount', { required: true }),
  customerLink(['客户', 'Customer'], false),
  opportunityLink(['机会', 'Opportunity']),
  field('description', 'text', ['说明', 'Description'], '描述/事由/摘要/用途/备注/Details/Notes/Memo'),
  owner(['业务员', 'Sales rep'], 'ownerId', '/报销人'),
];

/** Every kind's built-in fields. */
export const builtInFields: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  customers,
  contacts,
  products,
  opportunities,
  sales,
  activities,
  feedback,
  expenses,
};
