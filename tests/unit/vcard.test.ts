/**
 * 联系人 as vCard: export (3.0) and import (2.1, 3.0, 4.0), src-main/import/vcard.ts.
 *
 * Fixtures in tests/fixtures/import/:
 * - contacts-iphone-3.0.vcf: two cards as an iPhone exports them (CRLF, `type=` repeated,
 *   `item1.` groups with X-ABLabel 传真 / 办公室 / 微信, ADR with 中国 and a 直辖市, QQ and WeChat
 *   as IMPP, two emails, four phones, a folded base64 PHOTO, a birthday with no year).
 * - contacts-4.0.vcf: RFC 6350 with a BOM and LF line ends: `tel:` URIs with VALUE=uri,
 *   TYPE="work,voice", PREF=1, GENDER, BDAY 19900415, a LABEL parameter, NOTE with escaped
 *   comma, semicolon, backslash and newline; a KIND:group card; a card with no FN or N; a card
 *   named only by N (司马光, compound surname) with a birthday --0412.
 * - contacts-folded.vcf: long lines folded with CRLF + space and CRLF + tab, a fold inside the
 *   property name (TI / TLE), right after a backslash (\ / n), and before a space.
 * - contacts-folded-mid-char.vcf: folded inside characters' UTF-8 bytes (not valid UTF-8 until
 *   unfolded), as writers that cut at 75 octets blindly do.
 * - contacts-android-2.1.vcf: old Android's vCard 2.1: CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE
 *   values whose `=` soft line breaks cut characters' bytes apart, bare TEL types (CELL, WORK,
 *   HOME), X-QQ, a BASE64 PHOTO with indented lines and a blank line; a card in CHARSET=GBK;
 *   and a NOTE whose bytes are not UTF-8 (left out with a problem, not imported as garbage).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contactIdFromUid,
  contactUid,
  contactsToVcard,
  decodeVcard,
  foldLine,
  parseVcards,
  splitName,
  type ContactForVcard,
  type VcardContact,
} from '../../src-main/import/vcard';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => decodeVcard(new Uint8Array(readFileSync(path.join(FIXTURES, name))));
const DB = '5c1f0e2a-7b3d-4e6f-8a9b-0c1d2e3f4a5b';

/** A card with every field empty but the name, for `toEqual` with the fields a test sets. */
const card = (
  fields: Partial<VcardContact> & Pick<VcardContact, 'card' | 'line' | 'name'>,
): VcardContact => ({
  uid: null,
  org: null,
  gender: null,
  title: null,
  department: null,
  phone: null,
  mobile: null,
  email: null,
  wechat: null,
  qq: null,
  birthday: null,
  address: null,
  notes: null,
  ...fields,
});

const zhangWei: ContactForVcard = {
  id: 42,
  name: '张伟',
  customerName: '北京华信科技有限公司',
  gender: 'male',
  title: '销售经理',
  department: '销售部',
  phone: '010-6512 3456',
  mobile: '138 0013 8000',
  email: 'zhangwei@huaxin.example.cn',
  wechat: 'zhangwei_bj',
  qq: '10001234',
  birthday: '1985-03-05',
  address: '北京市朝阳区建国路88号',
  notes: '展会认识, 对CRM感兴趣; 下次回访带报价。\n偏好微信联系。',
};

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('exporting contacts as vCard 3.0', () => {
  it('writes one card per contact with CRLF line ends, UTF-8 Chinese and every field', () => {
    const text = contactsToVcard([zhangWei], { databaseId: DB });
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Solo CRM//Contacts//EN',
      `UID:solo-crm:${DB}:contact:42`,
      'FN:张伟',
      'N:张;伟;;;',
      'ORG:北京华信科技有限公司;销售部',
      'TITLE:销售经理',
      'TEL;TYPE=CELL:138 0013 8000',
      'TEL;TYPE=WORK,VOICE:010-6512 3456',
      'EMAIL;TYPE=INTERNET,WORK:zhangwei@huaxin.example.cn',
      'ADR;TYPE=WORK:;;北京市朝阳区建国路88号;;;;',
      'BDAY:1985-03-05',
      'X-GENDER:Male',
      'X-QQ:10001234',
      'IMPP;X-SERVICE-TYPE=QQ:x-apple:10001234',
      'X-WECHAT:zhangwei_bj',
      'IMPP;X-SERVICE-TYPE=WeChat:x-apple:zhangwei_bj',
      // Folded: the line reaches 75 octets before 信.
      'NOTE:展会认识\\, 对CRM感兴趣\\; 下次回访带报价。\\n偏好微',
      ' 信联系。',
      'END:VCARD',
      '',
    ]);
  });

  it('leaves empty fields out and keeps the required N and FN', () => {
    const bare: ContactForVcard = {
      ...zhangWei,
      ...{ gender: null, title: null, department: null, phone: null, mobile: null, email: null },
      ...{ wechat: null, qq: null, birthday: null, address: null, notes: null },
      id: 1,
      name: 'Ann Lee',
    };
    expect(contactsToVcard([bare])).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'PRODID:-//Solo CRM//Contacts//EN',
        'UID:solo-crm:contact:1',
        'FN:Ann Lee',
        'N:Lee;Ann;;;',
        'ORG:北京华信科技有限公司',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it("splits a Chinese name into surname and given name for the phone's N, compound surnames too", () => {
    expect(splitName('张伟')).toEqual({ family: '张', given: '伟' });
    expect(splitName('欧阳娜娜')).toEqual({ family: '欧阳', given: '娜娜' });
    expect(splitName('欧阳')).toEqual({ family: '欧', given: '阳' });
    expect(splitName('诸葛亮')).toEqual({ family: '诸葛', given: '亮' });
    expect(splitName('Mary Ann Smith')).toEqual({ family: 'Smith', given: 'Mary Ann' });
    expect(splitName('阿卜杜勒·买买提')).toEqual({ family: '', given: '阿卜杜勒·买买提' });
    expect(splitName('王 经理')).toEqual({ family: '', given: '王 经理' });
  });

  it('folds at 75 octets between characters, never inside a UTF-8 sequence or a surrogate pair', () => {
    const line = `NOTE:${'客户关系管理😀'.repeat(12)}abc`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const [i, p] of physical.entries()) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toMatch(LONE_SURROGATE);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
    }
    // Lines are filled: a break comes only when the next character would not fit.
    expect(octets(physical[0]!)).toBeGreaterThan(71);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('gives each contact a UID that finds it again in the same file only', () => {
    expect(contactIdFromUid(contactUid(42, DB), DB)).toBe(42);
    expect(contactIdFromUid(contactUid(42), undefined)).toBe(42);
    expect(contactIdFromUid(contactUid(42, DB), '00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(contactIdFromUid(contactUid(42), DB)).toBeNull();
    expect(contactIdFromUid('urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1', DB)).toBeNull();
    expect(contactIdFromUid(null)).toBeNull();
    expect(contactIdFromUid('solo-crm:contact:0')).toBeNull();
  });
});

// Text pieces a round trip must survive: Chinese, full-width punctuation, emoji (with ZWJ and
// skin tone), the characters vCard escapes, line breaks and plain ASCII.
const piece = fc.oneof(
  fc.constantFrom('张', '伟', '欧阳', '娜', '客户', '关系', '管理', '，', '；', '：', '。', '　', '𠀀'),
  fc.constantFrom('😀', '👨‍👩‍👧', '👍🏽', '🇨🇳'),
  fc.constantFrom(',', ';', '\\', '\\n', '\n', ':', '"', '=', '^', ' ', '\t'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
);
const text = (maxPieces: number) =>
  fc
    .array(piece, { minLength: 1, maxLength: maxPieces })
    .map((a) => a.join('').trim())
    .filter((s) => s.length > 0);
const optional = (maxPieces: number) => fc.option(text(maxPieces), { nil: null });
const phone = fc.option(
  fc.stringMatching(/^\+?[0-9][0-9 ()-]{2,14}[0-9](?: (?:ext|转)[,;]? ?[0-9]{1,4})?$/),
  { nil: null },
);
const birthday = fc.option(
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  { nil: null },
);

const contactArb: fc.Arbitrary<ContactForVcard> = fc.record({
  id: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  name: fc.oneof(
    text(6),
    fc.constantFrom('张伟', '欧阳娜娜', '司马光', '王小明', 'Emily Chen', '阿卜杜勒·买买提'),
  ),
  customerName: text(6),
  gender: fc.constantFrom('male' as const, 'female' as const, null),
  title: optional(4),
  department: optional(4),
  phone,
  mobile: phone,
  email: optional(3),
  wechat: fc.oneof(optional(2), fc.constantFrom('wxid_a1b2c3', 'zhang.wei-88')),
  qq: fc.oneof(fc.option(fc.stringMatching(/^[1-9][0-9]{4,10}$/), { nil: null }), optional(2)),
  birthday,
  address: optional(12),
  // Long enough that folding cuts through multi-byte characters and escapes.
  notes: fc.option(text(120), { nil: null }),
});

describe('a vCard round trip', () => {
  it('gives back every field of contacts with Chinese, emoji, commas, semicolons, backslashes and newlines', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { minLength: 1, maxLength: 5 }), (contacts) => {
        const text = contactsToVcard(contacts, { databaseId: DB });
        for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
        expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

        const { cards, problems } = parseVcards(text);
        expect(problems).toEqual([]);
        expect(cards).toEqual(
          contacts.map(({ id, customerName, ...fields }, i) => ({
            card: i + 1,
            line: expect.any(Number) as number,
            uid: contactUid(id, DB),
            org: customerName,
            ...fields,
          })),
        );
        cards.forEach((c, i) => expect(contactIdFromUid(c.uid, DB)).toBe(contacts[i]!.id));
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same after a trip through LF line ends, a BOM and blank lines', () => {
    const crlf = contactsToVcard([zhangWei, { ...zhangWei, id: 43, name: '欧阳娜娜' }]);
    const lf = `\uFEFF\n\n${crlf.replace(/\r\n/g, '\n').replace(/END:VCARD\n/g, 'END:VCARD\n\n')}`;
    const strip = ({ cards }: ReturnType<typeof parseVcards>) => cards.map(({ line: _line, ...c }) => c);
    expect(strip(parseVcards(lf))).toEqual(strip(parseVcards(crlf)));
    expect(parseVcards(lf).problems).toEqual([]);
  });

  it("builds a Chinese name from N's surname and given name with no space between them", () => {
    const text = contactsToVcard([{ ...zhangWei, name: '欧阳娜娜' }]).replace(/^FN:.*\r\n/m, '');
    expect(parseVcards(text).cards[0]!.name).toBe('欧阳娜娜');
  });
});

describe('reading vCard files', () => {
  it('reads an iPhone export (3.0)', () => {
    const { text, encoding } = fixture('contacts-iphone-3.0.vcf');
    expect(encoding).toBe('utf-8');
    const { cards, problems } = parseVcards(text);
    expect(cards).toEqual([
      card({
        card: 1,
        line: 1,
        name: '张伟',
        org: '北京华信科技有限公司',
        department: '销售部',
        title: '销售经理',
        mobile: '138 0013 8000',
        phone: '010-6512 3456',
        email: 'zhangwei@huaxin.example.cn',
        address: '北京市建国路88号SOHO现代城A座1201 100022',
        notes: '2024年展会认识, 对CRM感兴趣; 下次回访带报价。\n偏好微信联系。',
        birthday: '1985-03-05',
        qq: '10001234',
        wechat: 'zhangwei_bj',
      }),
      card({
        card: 2,
        line: 28,
        name: 'Emily Chen',
        org: 'Acme Trading Co., Ltd.',
        title: 'Purchasing Manager',
        phone: '+86 21 5555 0100',
        mobile: '+86 139 1000 2000',
        email: 'emily.chen@acme.example.com',
        notes: 'Met at the Canton Fair 🎉',
      }),
    ]);
    expect(problems).toEqual([
      { card: 1, line: 12, reason: 'extra_value', property: 'TEL', value: '010-8888 0000' },
      { card: 1, line: 13, reason: 'extra_value', property: 'TEL', value: '+86 10 6512 3457' },
      { card: 1, line: 9, reason: 'extra_value', property: 'EMAIL', value: 'zw1985@mail.example.com' },
      { card: 2, line: 39, reason: 'birthday_without_year', property: 'BDAY', value: '1604-11-20' },
    ]);
  });

  it('reads vCard 4.0: tel: URIs, quoted type lists, PREF, GENDER, a compact BDAY, escapes', () => {
    const { cards, problems } = parseVcards(fixture('contacts-4.0.vcf').text);
    expect(cards).toEqual([
      card({
        card: 1,
        line: 1,
        uid: 'urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
        name: '李娜',
        gender: 'female',
        birthday: '1990-04-15',
        org: '上海东方贸易有限公司',
        department: '市场部',
        title: '市场总监',
        phone: '+86-21-6888-1234',
        mobile: '+86-139-0000-1111',
        email: 'lina@dongfang.example.cn',
        address: '上海市浦东新区世纪大道100号 200120',
        qq: '20002000',
        notes: '报价单已发, 等回复; 路径 C:\\docs\n第二行',
      }),
      card({ card: 4, line: 32, name: '司马光', gender: 'male', wechat: 'sima_guang' }),
    ]);
    expect(problems).toEqual([
      { card: 1, line: 13, reason: 'extra_value', property: 'TEL', value: '+86-21-5000-2222' },
      { card: 2, line: 20, reason: 'group_card' },
      { card: 3, line: 26, reason: 'no_name' },
      { card: 4, line: 36, reason: 'birthday_without_year', property: 'BDAY', value: '--0412' },
    ]);
  });

  it('reassembles folded lines: space and tab continuations, inside a name, after a backslash', () => {
    const { cards, problems } = parseVcards(fixture('contacts-folded.vcf').text);
    expect(problems).toEqual([]);
    expect(cards).toEqual([
      card({
        card: 1,
        line: 1,
        name: '王小明',
        org: '深圳市前海微众创新科技股份有限公司华南大区客户服务中心',
        department: '大客户部',
        title: '高级客户经理',
        mobile: '139 0000 1111',
        notes:
          '这是一段很长的备注，用来检验折行：第一行结束后\n第二行从这里开始，包含逗号, 分号; 和 emoji 😀😀 还有一个 前导空格。Tab continuation works too.',
      }),
    ]);
  });

  it('reads a file folded inside UTF-8 sequences by unfolding its bytes first', () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'contacts-folded-mid-char.vcf')));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, encoding } = decodeVcard(bytes);
    expect(encoding).toBe('utf-8');
    expect(parseVcards(text)).toEqual({
      cards: [card({ card: 1, line: 1, name: '赵敏', notes: '客户关系管理' })],
      problems: [],
    });
  });

  it("decodes old Android's vCard 2.1 quoted-printable Chinese, in UTF-8 and GBK, and refuses bad bytes", () => {
    const { cards, problems } = parseVcards(fixture('contacts-android-2.1.vcf').text);
    expect(cards).toEqual([
      card({
        card: 1,
        line: 1,
        name: '刘洋',
        mobile: '13512345678',
        phone: '020-87654321',
        email: 'liuyang@example.com',
        org: '广州南方电子有限公司',
        title: '采购主管',
        address: '广东省广州市天河路100号 510000',
        notes:
          '客户是华南地区的重点分销商，年采购额约三百万元。联系时请先发邮件预约，周五下午不方便接电话。\n第二行：上次拜访 2024-05-20。',
        qq: '30003000',
        birthday: '1988-08-08',
      }),
      card({ card: 2, line: 31, name: '张三', mobile: '13700001111' }),
    ]);
    expect(problems).toEqual([
      { card: 1, line: 7, reason: 'extra_value', property: 'TEL', value: '020-11112222' },
      { card: 2, line: 36, reason: 'undecodable_value', property: 'NOTE', value: '=E5=BC=A0=FF' },
    ]);
    expect(JSON.stringify(cards)).not.toMatch(/=[0-9A-F]{2}|\uFFFD/);
  });

  it('names a card with no FN or N as a problem and goes on with the next', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'TEL:123',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:  ',
      'N:;;;;',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:周杰',
      'END:VCARD',
    ].join('\r\n');
    expect(parseVcards(text)).toEqual({
      cards: [card({ card: 3, line: 10, name: '周杰' })],
      problems: [
        { card: 1, line: 1, reason: 'no_name' },
        { card: 2, line: 5, reason: 'no_name' },
      ],
    });
  });

  it('keeps what an unterminated card has, and reports lines that are not properties', () => {
    const text =
      'BEGIN:VCARD\nVERSION:3.0\nFN:甲\nthis is not a property\nBEGIN:VCARD\nFN:乙\nEMAIL:yi@example.com';
    expect(parseVcards(text)).toEqual({
      cards: [
        card({ card: 1, line: 1, name: '甲' }),
        card({ card: 2, line: 5, name: '乙', email: 'yi@example.com' }),
      ],
      problems: [
        { card: 1, line: 4, reason: 'bad_line', value: 'this is not a property' },
        { card: 1, line: 1, reason: 'unterminated_card' },
        { card: 2, line: 5, reason: 'unterminated_card' },
      ],
    });
  });

  it('says a file that holds no card is not a vCard', () => {
    expect(parseVcards('客户名称,联系人,手机\r\n华信,张伟,13800138000\r\n')).toEqual({
      cards: [],
      problems: [{ card: 0, line: 1, reason: 'not_vcard' }],
    });
    expect(parseVcards('')).toEqual({ cards: [], problems: [{ card: 0, line: 1, reason: 'not_vcard' }] });
  });

  it('reads a quoted parameter holding a colon, a LABEL-only address and lower-case names', () => {
    const text = [
      'begin:vcard',
      'version:4.0',
      'fn:黄蓉',
      'adr;type=work;label="桃花岛 1号楼: A座":;;;;;;',
      'x-wab-gender:1',
      'tel;type=fax:021-1234',
      'end:vcard',
    ].join('\n');
    expect(parseVcards(text)).toEqual({
      cards: [card({ card: 1, line: 1, name: '黄蓉', address: '桃花岛 1号楼: A座', gender: 'female' })],
      problems: [{ card: 1, line: 6, reason: 'extra_value', property: 'TEL', value: '021-1234' }],
    });
  });

  it('skips the card a 2.1 AGENT holds', () => {
    const text =
      'BEGIN:VCARD\nVERSION:2.1\nFN:王经理\nAGENT:\nBEGIN:VCARD\nFN:李秘书\nEND:VCARD\nTITLE:经理\nEND:VCARD';
    expect(parseVcards(text)).toEqual({
      cards: [card({ card: 1, line: 1, name: '王经理', title: '经理' })],
      problems: [],
    });
  });

  it('never throws, whatever the text', () => {
    const vcardish = fc.array(
      fc.oneof(
        fc.constantFrom('BEGIN:VCARD', 'END:VCARD', 'VERSION:2.1', 'VERSION:4.0', 'FN:张', 'N:;;', ' ', '\t'),
        fc.constantFrom(
          'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=x-unknown:=E5=',
          'TEL;TYPE="a,b:1',
          'ADR:;;;',
        ),
        fc.constantFrom('PHOTO;ENCODING=b:@@@', 'BDAY:2023-02-30', 'IMPP:qq:%E5', 'GENDER:', 'item1.'),
        fc.string({ unit: 'binary', maxLength: 30 }),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(vcardish, fc.constantFrom('\r\n', '\n', '\r', '='), (lines, eol) => {
        const { cards, problems } = parseVcards(lines.join(eol));
        expect(Array.isArray(cards) && Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
