/**
 * 联系人 as vCard text and back. Pure: no database, no Node, no file access; the import and the
 * export (in the database worker) pass text in and out, and tests run it alone. The text format
 * itself (folding, escaping, parameters, encodings) is in vcard-syntax.ts.
 *
 * Writes vCard 3.0 (RFC 2426), UTF-8, CRLF, lines folded at 75 octets on character boundaries,
 * one card per contact: what Apple's and Android's contacts apps read with Chinese intact.
 * Reads 3.0, 4.0 (RFC 6350) and the 2.1 that old Android phones export (bare `TEL;CELL` types,
 * `CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE` values with `=` soft line breaks): decoded, never
 * passed through as `=E5=BC=A0`. A value whose bytes are not valid in its charset is left out with
 * a problem rather than imported as garbage.
 *
 * Fields, both ways:
 *   FN ↔ name (N gives it when FN is missing: Chinese family + given with no space)
 *   N ← name split: a 2-4 character Chinese name as surname (one character, or two for the
 *       compound surnames) and given name; "Given Family" in Latin script; else all given
 *   ORG ↔ customer name; department (ORG's second unit)
 *   TITLE ↔ title (ROLE when there is no TITLE)
 *   TEL: CELL → mobile, WORK → phone, any other → the first empty of phone and mobile; FAX and
 *        PAGER have no field. Written as TEL;TYPE=CELL (mobile) and TEL;TYPE=WORK,VOICE (phone)
 *   EMAIL ↔ email · ADR ↔ address (components joined into one value) · NOTE ↔ notes
 *   BDAY ↔ birthday (YYYY-MM-DD; a birthday with no year is left out with a problem)
 *   X-GENDER ↔ gender (also read: 4.0 GENDER, Outlook's X-WAB-GENDER)
 *   X-QQ / X-WECHAT ↔ qq / wechat, also written as IMPP;X-SERVICE-TYPE=… (what iPhone shows)
 *   UID ↔ uid: `solo-crm:<database id>:contact:<id>`, so a re-import finds the same contact
 * What a card has beyond the fields (a third phone, a second email, a photo) is left out; values
 * that had nowhere to go are listed as problems so the user sees them.
 */
import type { Contact } from '../contract';
import { isCalendarDate } from '../contract/dates';
import {
  CRLF,
  decodeValue,
  escapeText,
  foldLine,
  parseProperty,
  unfold,
  type Property,
  type Version,
} from './vcard-syntax';

export { decodeVcard, foldLine } from './vcard-syntax';

// ---------------------------------------------------------------------------------------------
// Writing

/** What an exported card holds: a `Contact` as the records layer reads it has all of it. */
export type ContactForVcard = Pick<
  Contact,
  | 'id'
  | 'name'
  | 'customerName'
  | 'gender'
  | 'title'
  | 'department'
  | 'phone'
  | 'mobile'
  | 'email'
  | 'wechat'
  | 'qq'
  | 'birthday'
  | 'address'
  | 'notes'
>;

export interface VcardWriteOptions {
  /** The file's database id: with it in the UID, a card only matches its contact in that file. */
  databaseId?: string;
}

const PRODID = '-//Solo CRM//Contacts//EN';

/** The UID a contact is exported with. */
export function contactUid(id: number, databaseId?: string): string {
  return databaseId ? `solo-crm:${databaseId}:contact:${id}` : `solo-crm:contact:${id}`;
}

/**
 * The contact id in a UID this app wrote, when it was written from the same file (the same
 * database id, or none on both sides); null for any other UID, a phone's included.
 */
export function contactIdFromUid(uid: string | null, databaseId?: string): number | null {
  const m = /^solo-crm:(?:([0-9a-f-]{36}):)?contact:([1-9][0-9]{0,15})$/.exec(uid ?? '');
  if (!m || (m[1] ?? '') !== (databaseId ?? '')) return null;
  const id = Number(m[2]);
  return Number.isSafeInteger(id) ? id : null;
}

/** Surnames of two characters: 欧阳修 is 欧阳 + 修, not 欧 + 阳修. */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 轩辕 令狐 钟离 端木 ' +
    '独孤 南宫 西门 百里 呼延 澹台 公冶 太史 申屠 闻人 濮阳 赫连 拓跋 万俟 第五 左丘 东郭 单于'
  ).split(' '),
);

/** N's family and given names from a contact's one name field (phones sort and show by N). */
export function splitName(name: string): { family: string; given: string } {
  const trimmed = name.trim();
  if (/^\p{Script=Han}{2,4}$/u.test(trimmed)) {
    const chars = [...trimmed];
    const n = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
    return { family: chars.slice(0, n).join(''), given: chars.slice(n).join('') };
  }
  const words = trimmed.split(/\s+/);
  if (words.length >= 2 && /^[\p{Script=Latin}.'-]+$/u.test(words.join(''))) {
    return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
  }
  return { family: '', given: trimmed };
}

/** A user's QQ number or WeChat id as the path of an IMPP URI, when it needs no encoding. */
const URI_SAFE = /^[A-Za-z0-9._@+-]+$/;

function cardLines(c: ContactForVcard, options: VcardWriteOptions): string[] {
  const t = (v: string | null | undefined) => escapeText(v ?? '');
  const { family, given } = splitName(c.name);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `PRODID:${PRODID}`,
    `UID:${t(contactUid(c.id, options.databaseId))}`,
    `FN:${t(c.name)}`,
    `N:${t(family)};${t(given)};;;`,
  ];
  if (c.customerName || c.department) {
    lines.push(`ORG:${t(c.customerName)}${c.department ? `;${t(c.department)}` : ''}`);
  }
  if (c.title) lines.push(`TITLE:${t(c.title)}`);
  if (c.mobile) lines.push(`TEL;TYPE=CELL:${t(c.mobile)}`);
  if (c.phone) lines.push(`TEL;TYPE=WORK,VOICE:${t(c.phone)}`);
  if (c.email) lines.push(`EMAIL;TYPE=INTERNET,WORK:${t(c.email)}`);
  if (c.address) lines.push(`ADR;TYPE=WORK:;;${t(c.address)};;;;`);
  if (c.birthday) lines.push(`BDAY:${t(c.birthday)}`);
  if (c.gender) lines.push(`X-GENDER:${c.gender === 'male' ? 'Male' : 'Female'}`);
  if (c.qq) {
    lines.push(`X-QQ:${t(c.qq)}`);
    if (URI_SAFE.test(c.qq)) lines.push(`IMPP;X-SERVICE-TYPE=QQ:x-apple:${c.qq}`);
  }
  if (c.wechat) {
    lines.push(`X-WECHAT:${t(c.wechat)}`);
    if (URI_SAFE.test(c.wechat)) lines.push(`IMPP;X-SERVICE-TYPE=WeChat:x-apple:${c.wechat}`);
  }
  if (c.notes) lines.push(`NOTE:${t(c.notes)}`);
  lines.push('END:VCARD');
  return lines;
}

/** Contacts as one vCard 3.0 text: UTF-8 (no BOM), CRLF line ends, folded, a card per contact. */
export function contactsToVcard(
  contacts: readonly ContactForVcard[],
  options: VcardWriteOptions = {},
): string {
  const lines: string[] = [];
  for (const c of contacts) {
    for (const line of cardLines(c, options)) lines.push(foldLine(line));
  }
  return lines.length ? lines.join(CRLF) + CRLF : '';
}

// ---------------------------------------------------------------------------------------------
// Reading

/** One card's values in the app's fields, plus its customer's name and its UID. */
export interface VcardContact {
  /** The card's place in the file, from 1 (problems count cards the same way). */
  card: number;
  /** The line of its BEGIN:VCARD. */
  line: number;
  uid: string | null;
  /** The customer's name (ORG's first unit): the import finds the customer by it. */
  org: string | null;
  name: string;
  gender: Contact['gender'];
  title: string | null;
  department: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  qq: string | null;
  birthday: string | null;
  address: string | null;
  notes: string | null;
}

/**
 * Why a line or value was not taken. Stable codes for the screen to translate:
 * - `not_vcard`: no BEGIN:VCARD anywhere (card 0)
 * - `no_name`, `group_card`: the card is left out (no FN or N; a contact group, not a person)
 * - `unterminated_card`: END:VCARD is missing; what the card had is kept
 * - `bad_line`: a line that is not `NAME:value`, ignored
 * - `undecodable_value`: quoted-printable or base64 bytes not valid in their charset, or a
 *   charset or encoding this reader does not know: the value is left out
 * - `bad_birthday`, `birthday_without_year`: BDAY is left out
 * - `extra_value`: a phone, fax, email or address with no field left for it
 */
export type VcardProblemReason =
  | 'not_vcard'
  | 'no_name'
  | 'group_card'
  | 'unterminated_card'
  | 'bad_line'
  | 'undecodable_value'
  | 'bad_birthday'
  | 'birthday_without_year'
  | 'extra_value';

export interface VcardProblem {
  /** The card's place in the file, from 1; 0 for the file as a whole. */
  card: number;
  /** The (first physical) line of the property, from 1. */
  line: number;
  reason: VcardProblemReason;
  /** The property's name, e.g. `TEL`, when the problem is about one. */
  property?: string;
  /** The value concerned, as read. */
  value?: string;
}

export interface VcardParseResult {
  cards: VcardContact[];
  problems: VcardProblem[];
}

interface CardContext {
  version: Version;
  card: number;
  problems: VcardProblem[];
  /** Problems already reported: a property read twice (IMPP, for QQ and for WeChat) gives one. */
  reported: Set<string>;
}

function problem(ctx: CardContext, p: Property, reason: VcardProblemReason, value = p.value): void {
  const key = `${p.line}:${reason}`;
  if (ctx.reported.has(key)) return;
  ctx.reported.add(key);
  ctx.problems.push({ card: ctx.card, line: p.line, reason, property: p.name, value });
}

/** A property's value as its components (one unless `structured`); null, with a problem, when unreadable. */
function componentsOf(p: Property, ctx: CardContext, structured = false): string[] | null {
  const value = decodeValue(p, ctx.version, structured);
  if (value === null) problem(ctx, p, 'undecodable_value');
  return value;
}

/** The value as one trimmed text, null when empty or unreadable. */
function textOf(p: Property | undefined, ctx: CardContext): string | null {
  if (!p) return null;
  const v = componentsOf(p, ctx)?.[0]?.trim();
  return v ? v : null;
}

/** A phone's kind from its types (`IPHONE`, `X-MOBILE`) and Apple's item labels (`_$!<Mobile>!$_`, 手机). */
const LABEL_TYPES: [RegExp, string][] = [
  [/fax|传真/i, 'fax'],
  [/pager|寻呼/i, 'pager'],
  [/mobile|cell|iphone|手机|移动/i, 'cell'],
  [/work|office|工作|办公|单位|公司/i, 'work'],
];

/** A property's types in lower case, its group's X-ABLabel among them, plus the kinds they name. */
function typesOf(p: Property, props: Property[]): Set<string> {
  const words = [...(p.params.get('TYPE') ?? [])];
  const label = p.group && props.find((q) => q.group === p.group && q.name === 'X-ABLABEL')?.value;
  if (label) words.push(label);
  const types = new Set(words.map((w) => w.toLowerCase()));
  for (const w of words) {
    const found = LABEL_TYPES.find(([re]) => re.test(w));
    if (found) types.add(found[1]);
  }
  return types;
}

/** Preferred first (3.0 TYPE=pref, 4.0 PREF=1..100), then in file order. */
function byPreference(list: Property[]): Property[] {
  const rank = (p: Property) => {
    const pref = Number(p.params.get('PREF')?.[0]);
    if (Number.isInteger(pref) && pref >= 1) return pref;
    return (p.params.get('TYPE') ?? []).some((t) => t.toLowerCase() === 'pref') ? 1 : 101;
  };
  return list
    .map((p, i) => ({ p, i, r: rank(p) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.p);
}

/** A TEL's number: 4.0 writes `tel:+86-10-1234-5678` (VALUE=uri). */
function phoneOf(p: Property, ctx: CardContext): string | null {
  const v = textOf(p, ctx);
  return v && /^tel:/i.test(v) ? v.slice(4).trim() || null : v;
}

/** Which field a TEL goes to first: fax and pager numbers have none. */
function phoneKind(types: Set<string>): 'cell' | 'work' | 'other' | 'none' {
  if (types.has('fax') || types.has('pager')) return 'none';
  if (types.has('cell')) return 'cell';
  return types.has('work') ? 'work' : 'other';
}

/** CELL → mobile, WORK → phone, then the rest (home, voice, untyped) into whichever is empty. */
function assignPhones(props: Property[], ctx: CardContext): { phone: string | null; mobile: string | null } {
  const tels = byPreference(props.filter((p) => p.name === 'TEL')).map((p) => ({
    p,
    kind: phoneKind(typesOf(p, props)),
    value: phoneOf(p, ctx),
  }));
  let phone: string | null = null;
  let mobile: string | null = null;
  const rest: typeof tels = [];
  for (const t of tels) {
    if (!t.value) continue;
    if (t.kind === 'cell' && mobile === null) mobile = t.value;
    else if (t.kind === 'work' && phone === null) phone = t.value;
    else rest.push(t);
  }
  for (const t of rest) {
    if (t.kind !== 'none' && phone === null) phone = t.value;
    else if (t.kind !== 'none' && mobile === null) mobile = t.value;
    else problem(ctx, t.p, 'extra_value', t.value!);
  }
  return { phone, mobile };
}

/** The first of several values (preferred first); the others are reported as having no field. */
function firstOf(list: Property[], ctx: CardContext, read: (p: Property) => string | null): string | null {
  let first: string | null = null;
  for (const p of byPreference(list)) {
    const v = read(p);
    if (v === null) continue;
    if (first === null) first = v;
    else problem(ctx, p, 'extra_value', v);
  }
  return first;
}

const hasHan = (v: string) => /\p{Script=Han}/u.test(v);
const CHINA = new Set(['中国', '中华人民共和国', 'china', 'cn', 'prc']);

/**
 * ADR's seven components (post office box; extended; street; locality; region; postal code;
 * country) as one address: Chinese from the largest unit down (广东省深圳市南山区科技园路1号),
 * else "street, locality region code, country".
 */
function addressOf(p: Property, ctx: CardContext): string | null {
  const c = componentsOf(p, ctx, true);
  if (!c) return null;
  const [pobox = '', ext = '', street = '', locality = '', region = '', code = '', country = ''] = c.map(
    (v) => v.trim(),
  );
  let line: string;
  if (hasHan(c.join(''))) {
    const units = [
      CHINA.has(country.toLowerCase()) ? '' : country,
      region,
      locality === region ? '' : locality,
    ];
    line = [...units, street, ext, pobox].filter(Boolean).join('');
    if (code) line += ` ${code}`;
  } else {
    line = [
      [pobox, ext, street].filter(Boolean).join(', '),
      [locality, region, code].filter(Boolean).join(' '),
      country,
    ]
      .filter(Boolean)
      .join(', ');
  }
  // 4.0 may carry the formatted address in a LABEL parameter only.
  return line || p.params.get('LABEL')?.[0]?.trim() || null;
}

function birthdayOf(p: Property | undefined, ctx: CardContext): string | null {
  const v = textOf(p, ctx);
  if (!p || !v) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[0-9:.Z+-]*)?$/.exec(v);
  const omitYear = p.params.get('X-APPLE-OMIT-YEAR')?.[0];
  if (/^--\d{2}-?\d{2}$/.test(v) || (m && omitYear === m[1])) {
    problem(ctx, p, 'birthday_without_year', v);
    return null;
  }
  const date = m && `${m[1]}-${m[2]}-${m[3]}`;
  if (date && isCalendarDate(date)) return date;
  problem(ctx, p, 'bad_birthday', v);
  return null;
}

/** Outlook's X-WAB-GENDER: 1 female, 2 male. */
const WAB_GENDER: Record<string, string> = { '1': 'f', '2': 'm' };

function genderOf(props: Property[], ctx: CardContext): Contact['gender'] {
  for (const p of props) {
    let v: string | undefined;
    if (p.name === 'GENDER') v = componentsOf(p, ctx, true)?.[0];
    else if (p.name === 'X-GENDER' || p.name === 'X-SEX') v = textOf(p, ctx) ?? undefined;
    else if (p.name === 'X-WAB-GENDER') v = WAB_GENDER[p.value.trim()];
    const g = v?.trim().toLowerCase();
    if (g === 'm' || g === 'male' || g === '男') return 'male';
    if (g === 'f' || g === 'female' || g === '女') return 'female';
  }
  return null;
}

/** QQ or WeChat from X-QQ / X-WECHAT / X-WEIXIN, or an IMPP of that service (`x-apple:12345`). */
function messengerOf(props: Property[], ctx: CardContext, service: 'qq' | 'wechat'): string | null {
  const names = service === 'qq' ? ['X-QQ'] : ['X-WECHAT', 'X-WEIXIN'];
  const services = service === 'qq' ? ['qq'] : ['wechat', 'weixin', '微信'];
  for (const p of props) {
    if (names.includes(p.name)) {
      const v = textOf(p, ctx);
      if (v) return v;
    } else if (p.name === 'IMPP') {
      const v = textOf(p, ctx);
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v ?? '')?.[1]?.toLowerCase() ?? '';
      const type = (p.params.get('X-SERVICE-TYPE')?.[0] ?? '').toLowerCase();
      if (!v || !(services.includes(type) || services.includes(scheme))) continue;
      const path = v.slice(scheme.length + (scheme ? 1 : 0)).trim();
      try {
        return decodeURIComponent(path) || null;
      } catch {
        return path || null;
      }
    }
  }
  return null;
}

/** FN, else N's family + given: with no space when either is Chinese, "Given Family" otherwise. */
function nameOf(fn: Property | undefined, n: Property | undefined, ctx: CardContext): string | null {
  const full = textOf(fn, ctx);
  if (full) return full;
  const parts = n && componentsOf(n, ctx, true)?.map((v) => v.trim());
  if (!parts) return null;
  const [family = '', given = '', additional = ''] = parts;
  const name = hasHan(family + given)
    ? family + given + additional
    : [given, additional, family].filter(Boolean).join(' ');
  return name || null;
}

function cardToContact(
  props: Property[],
  card: number,
  line: number,
  problems: VcardProblem[],
): VcardContact | null {
  const first = (name: string) => props.find((p) => p.name === name);
  const all = (name: string) => props.filter((p) => p.name === name);
  const version = (first('VERSION')?.value.trim() as Version | undefined) ?? '3.0';
  const ctx: CardContext = {
    version: ['2.1', '4.0'].includes(version) ? version : '3.0',
    card,
    problems,
    reported: new Set(),
  };

  const kind = (first('KIND') ?? first('X-ADDRESSBOOKSERVER-KIND'))?.value.trim().toLowerCase();
  if (kind === 'group') {
    problems.push({ card, line, reason: 'group_card' });
    return null;
  }
  const name = nameOf(first('FN'), first('N'), ctx);
  if (!name) {
    problems.push({ card, line, reason: 'no_name' });
    return null;
  }
  const org = first('ORG') && componentsOf(first('ORG')!, ctx, true)?.map((v) => v.trim());
  const notes = all('NOTE')
    .map((p) => textOf(p, ctx))
    .filter((v) => v !== null);
  return {
    card,
    line,
    uid: textOf(first('UID'), ctx),
    org: org?.[0] || null,
    name,
    gender: genderOf(props, ctx),
    title: textOf(first('TITLE'), ctx) ?? textOf(first('ROLE'), ctx),
    department: org?.slice(1).filter(Boolean).join(' / ') || null,
    ...assignPhones(props, ctx),
    email: firstOf(all('EMAIL'), ctx, (p) => textOf(p, ctx)),
    wechat: messengerOf(props, ctx, 'wechat'),
    qq: messengerOf(props, ctx, 'qq'),
    birthday: birthdayOf(first('BDAY'), ctx),
    address:
      firstOf(all('ADR'), ctx, (p) => addressOf(p, ctx)) ?? firstOf(all('LABEL'), ctx, (p) => textOf(p, ctx)),
    notes: notes.length ? notes.join('\n') : null,
  };
}

/** A card being read: its properties so far, and how deep inside a 2.1 AGENT's card the reader is. */
interface OpenCard {
  props: Property[];
  card: number;
  line: number;
  nested: number;
}

/**
 * Every card in a vCard text (3.0, 4.0 or 2.1), in the app's fields. Tolerant of LF-only or CR
 * line ends, a BOM, empty lines, lower-case names, and properties it does not know (ignored).
 * Never throws on bad input: what it cannot take is a problem, with the card and line.
 */
export function parseVcards(text: string): VcardParseResult {
  const cards: VcardContact[] = [];
  const problems: VcardProblem[] = [];
  let open: OpenCard | null = null;
  let count = 0;
  const close = () => {
    const contact = open && cardToContact(open.props, open.card, open.line, problems);
    if (contact) cards.push(contact);
    open = null;
  };
  for (const l of unfold(text)) {
    const p = parseProperty(l);
    const isBegin = p?.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VCARD';
    const isEnd = p?.name === 'END' && p.value.trim().toUpperCase() === 'VCARD';
    if (open === null) {
      if (isBegin) open = { props: [], card: ++count, line: l.line, nested: 0 };
      continue;
    }
    const current: OpenCard = open;
    const previous = current.props[current.props.length - 1];
    if (isBegin && (current.nested > 0 || (previous?.name === 'AGENT' && previous.value.trim() === ''))) {
      current.nested++; // 2.1's AGENT holds a whole card: skip it.
    } else if (isEnd && current.nested > 0) {
      current.nested--;
    } else if (current.nested > 0) {
      continue;
    } else if (isBegin) {
      problems.push({ card: current.card, line: current.line, reason: 'unterminated_card' });
      close();
      open = { props: [], card: ++count, line: l.line, nested: 0 };
    } else if (isEnd) {
      close();
    } else if (p) {
      current.props.push(p);
    } else {
      problems.push({ card: current.card, line: l.line, reason: 'bad_line', value: l.text.slice(0, 200) });
    }
  }
  if (open !== null) {
    const o: OpenCard = open;
    problems.push({ card: o.card, line: o.line, reason: 'unterminated_card' });
    close();
  }
  if (count === 0) problems.push({ card: 0, line: 1, reason: 'not_vcard' });
  return { cards, problems };
}
