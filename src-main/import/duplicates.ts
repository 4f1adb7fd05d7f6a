/**
 * Keys that find the same record twice: within an imported file and against the database.
 *
 * A key is a string `kind-of-key:normalised value` ('code:C0001', 'name:北京华信科技有限公司',
 * 'phone:13800138000', 'email:a@b.cn', 'likely:华信科技'). Two records sharing a key share that
 * thing, whatever the width, spacing or case it was typed in.
 *
 * How the import uses them, per record kind:
 *   1. Index every stored record: `indexKeys` into an exact index, `likelyKeys` into a likely one
 *      (key → records). The database keeps names and phones as typed, and SQLite cannot fold
 *      width or case beyond ASCII, so the keys are made here, in one scan of the key columns
 *      (customers: code, name, phone, mobile, email); nothing in the schema holds them.
 *   2. For each row in file order: a record found by any of its `exactKeys` is an exact duplicate
 *      (of the database, or of an earlier row of the file) and the chosen mode applies (skip,
 *      update, create anyway). Otherwise every record found by its `likelyKeys` is a likely
 *      duplicate, listed for the user with the key's kind as the reason (same name, same phone,
 *      same email, similar name); never merged. Then the row's own keys join the indexes.
 * Rows of a sales file are grouped by order number first: lines of one sale are not duplicates.
 */
import { normalizeForSearch } from '../records/search-text';
import { normaliseKey } from './values';

export type KeyedKind =
  'customers' | 'contacts' | 'products' | 'opportunities' | 'sales' | 'feedback' | 'activities' | 'expenses';

/**
 * A row's values by the contract's field names (code, name, phone, customerId …), parsed.
 * Links (customerId, categoryId) are the ids they resolved to, or, for a record the import will
 * create, any value that stands for it in the same way on every row (its name key).
 */
export type KeyFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** A code as it is matched: half-width, no spaces, upper case (ｃ０００１ = C0001). */
export const codeKey = (code: string): string => code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** A name as it is matched exactly: width, spacing and case do not count; punctuation does. */
export const nameKey = (name: string): string => normaliseKey(name).replace(/ /g, '');

/** An email as it is matched: trimmed and case-folded; null when it is not one. */
export function emailKey(email: string): string | null {
  const key = email.normalize('NFKC').trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(key) ? key : null;
}

const CHINA_MOBILE = /^1[3-9]\d{9}$/;

/**
 * One phone number's digits as it is matched: separators dropped, China's country code too
 * (+86, 0086, or 86 before a mobile number), an area code's leading 0 kept (+86 571 … is
 * 0571 …), another country kept as +code. An extension (转 801, ext. 801) is not part of it.
 * Null for a number too short to say anything, or a placeholder such as 00000000.
 */
export function phoneKey(phone: string): string | null {
  const main = phone
    .normalize('NFKC')
    .split(/转|分机|ext\.?|x/i)[0]!
    .trim();
  let digits = main.replace(/\D/g, '');
  let foreign = false;
  if (/^\(?(\+|00)/.test(main)) {
    digits = digits.replace(/^00/, '');
    if (digits.startsWith('86')) {
      digits = digits.slice(2);
      // After +86 an area code drops its trunk 0 (+86 571 …, +86 10 …): put it back.
      if (!digits.startsWith('0') && !CHINA_MOBILE.test(digits)) digits = `0${digits}`;
    } else foreign = true;
  } else if (digits.startsWith('86') && CHINA_MOBILE.test(digits.slice(2))) digits = digits.slice(2);
  if (digits.length < 5 || /^(\d)\1*$/.test(digits)) return null;
  return foreign ? `+${digits}` : digits;
}

/** The keys of a cell that may hold several numbers: '13800138000 / 13900139000', '…；…'. */
export function phoneKeys(cell: string): string[] {
  return cell
    .normalize('NFKC')
    .split(/[/,;、|]/)
    .map(phoneKey)
    .filter((k): k is string => k !== null);
}

/**
 * China's 34 provincial divisions, and major cities: the places a company name may start with.
 * Left out: cities whose name is also a common name word (中山: 中山大学 is not a 大学 of 中山).
 */
const PROVINCES =
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 ' +
  '海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门';
const CITIES =
  '石家庄 唐山 保定 太原 大同 沈阳 大连 长春 哈尔滨 大庆 南京 苏州 无锡 常州 南通 扬州 徐州 昆山 ' +
  '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 义乌 台州 合肥 芜湖 福州 厦门 泉州 南昌 赣州 济南 青岛 烟台 ' +
  '潍坊 淄博 郑州 洛阳 武汉 宜昌 长沙 株洲 广州 深圳 珠海 汕头 佛山 东莞 惠州 江门 南宁 柳州 ' +
  '桂林 海口 三亚 成都 绵阳 贵阳 遵义 昆明 拉萨 西安 兰州 西宁 银川 乌鲁木齐 呼和浩特 包头';
const ADMIN = '壮族自治区 回族自治区 维吾尔自治区 特别行政区 自治区 省 市';

/** Longest first, so 黑龙江 wins over a shorter name that starts it, and 自治区 over 区. */
const alternatives = (words: string) =>
  words
    .split(' ')
    .sort((a, b) => b.length - a.length)
    .join('|');
const PLACE = `(?:${alternatives(`${PROVINCES} ${CITIES}`)})(?:${alternatives(ADMIN)})?`;
const LEADING_PLACE = new RegExp(`^${PLACE}`);
const TRAILING_PLACE = new RegExp(`${PLACE}$`);
/** A district or county right after its city: 杭州市西湖区, 上海浦东新区. */
const DISTRICT = /^\p{Script=Han}{1,3}?[区县]/u;

/** Company forms at the end of a Chinese name (a branch's 分公司 included: likely the same customer). */
const ZH_FORMS = [
  '集团股份有限公司',
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '分公司',
  '总公司',
  '公司',
  '集团',
];
/** Company forms as separate words at the end of a Latin name (Co., Ltd.; Inc.; GmbH …). */
const LATIN_FORMS = new Set([
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'gmbh',
  'corp',
  'corporation',
  'plc',
  'group',
]);

/** Bracketed words: （中国）, (Shanghai), 【旗舰店】: a region or a remark, not the name. */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/g;

/** Fewest characters a name is cut down to: 北京公司 becomes 北京, never nothing. */
const MIN_LEFT = 2;

/** `text` without the first match of `re` (anchored at one end), when enough is left. */
function without(text: string, re: RegExp): string {
  const m = re.exec(text);
  return m && text.length - m[0].length >= MIN_LEFT ? text.replace(re, '') : text;
}

/**
 * A name with what varies between spellings of one company taken away: a leading province,
 * city and district (浙江杭州, 杭州市西湖区), the company form (有限公司, Co., Ltd.), a branch's city
 * before 分公司, bracketed words, punctuation, spaces, width and case. 杭州西湖茶业有限公司,
 * 西湖茶业 and 浙江杭州西湖茶业有限责任公司 all give 西湖茶业; ACME Co., Ltd. and ＡＣＭＥ gives acme.
 * Two records with the same likely key and different names are likely duplicates, for the user to judge.
 */
export function likelyKey(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase();
  const unbracketed = folded.replace(BRACKETED, ' ');
  // Words of letters and digits, as search keeps them; the brackets' words when that is all there is.
  const words = (normalizeForSearch(unbracketed).length ? unbracketed : folded)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && LATIN_FORMS.has(words[words.length - 1]!)) words.pop();
  let key = words.join('');
  // From the end: forms and a branch's city (…有限公司北京分公司) until none is left.
  for (let before = ''; before !== key;) {
    before = key;
    const form = ZH_FORMS.find((f) => key.endsWith(f) && key.length - f.length >= MIN_LEFT);
    if (form) key = key.slice(0, -form.length);
    else key = without(key, TRAILING_PLACE);
  }
  // From the start: places, each maybe with a district after it.
  for (let before = ''; before !== key;) {
    before = key;
    key = without(key, LEADING_PLACE);
    if (key !== before) key = without(key, DISTRICT);
  }
  return key;
}

const present = (v: KeyFields[string]): v is string | number | boolean =>
  v !== null && v !== undefined && v !== '';

/** `prefix:value` when the field is filled. */
function keyOf(prefix: string, v: KeyFields[string], norm: (s: string) => string | null): string[] {
  if (!present(v)) return [];
  const k = norm(String(v));
  return k ? [`${prefix}:${k}`] : [];
}

/** A key made of several fields (a contact's customer and name), when any is filled. */
function composite(prefix: string, fields: KeyFields, names: readonly string[]): string[] {
  const parts = names.map((n) => {
    const v = fields[n];
    return present(v) ? (typeof v === 'string' ? nameKey(v) : String(v)) : null;
  });
  return parts.some((p) => p) ? [`${prefix}:${JSON.stringify(parts)}`] : [];
}

const byCode = (f: KeyFields) => keyOf('code', f.code, codeKey);
const byName = (f: KeyFields) => keyOf('name', f.name, nameKey);
const byPhones = (f: KeyFields, names: readonly string[]) =>
  names.flatMap((n) => (present(f[n]) ? phoneKeys(String(f[n])).map((k) => `phone:${k}`) : []));
const byEmail = (f: KeyFields) => keyOf('email', f.email, emailKey);

/** The fields that say "this record" when the row has no code, per kind. */
const IDENTITY: Record<KeyedKind, (f: KeyFields) => string[]> = {
  customers: byName,
  products: byName,
  contacts: (f) => (present(f.name) ? composite('name', f, ['customerId', 'name']) : []),
  opportunities: (f) => (present(f.title) ? composite('title', f, ['customerId', 'title']) : []),
  // An order without its number has nothing to be known by: it is new.
  sales: () => [],
  feedback: (f) => composite('row', f, ['customerId', 'receivedDate', 'subject']),
  activities: (f) => composite('row', f, ['customerId', 'occurredAt', 'type', 'subject']),
  expenses: (f) => composite('row', f, ['expenseDate', 'categoryId', 'amount', 'customerId', 'description']),
};

/** Kinds whose records carry a user-facing code (C000001, P000001, SO000001 …). */
const CODED: ReadonlySet<KeyedKind> = new Set([
  'customers',
  'products',
  'opportunities',
  'sales',
  'feedback',
]);

/**
 * The keys a row is the same record by: its code when it has one (a re-imported export), else
 * its identity (a customer's or product's name; a contact's name at its customer; an activity's
 * customer, time, type and subject …). Looked up in the index of `indexKeys`.
 */
export function exactKeys(kind: KeyedKind, fields: KeyFields): string[] {
  const codes = CODED.has(kind) ? byCode(fields) : [];
  return codes.length ? codes : IDENTITY[kind](fields);
}

/**
 * The keys a stored record (or an earlier row) is found by exactly: its code and its identity,
 * so a row without a code still finds the record of the same name.
 */
export function indexKeys(kind: KeyedKind, fields: KeyFields): string[] {
  return [...(CODED.has(kind) ? byCode(fields) : []), ...IDENTITY[kind](fields)];
}

/**
 * The keys that make a likely duplicate when no exact key is shared. Customers: the same name
 * (under another code), a similar name (likelyKey), the same phone or mobile, the same email;
 * contacts: the same mobile, phone or email at any customer; products: the same name under
 * another code. A phone alone is never exact: branches and family firms share a switchboard.
 */
export function likelyKeys(kind: KeyedKind, fields: KeyFields): string[] {
  switch (kind) {
    case 'customers':
      return [
        ...byName(fields),
        ...keyOf('likely', fields.name, likelyKey),
        ...byPhones(fields, ['phone', 'mobile']),
        ...byEmail(fields),
      ];
    case 'contacts':
      return [...byPhones(fields, ['mobile', 'phone']), ...byEmail(fields)];
    case 'products':
      return byName(fields);
    default:
      return [];
  }
}
