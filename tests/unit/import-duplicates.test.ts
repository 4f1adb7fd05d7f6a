import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeKey,
  emailKey,
  exactKeys,
  indexKeys,
  likelyKey,
  likelyKeys,
  nameKey,
  phoneKey,
  phoneKeys,
  type KeyFields,
  type KeyedKind,
} from '../../src-main/import/duplicates';

// Seeded, so a run is repeatable; a failure prints the case and its path.
fc.configureGlobal({ seed: 20_240_305, numRuns: 300 });

/** ASCII made full-width, as a Chinese input method types it: ACME → ＡＣＭＥ, a space → U+3000. */
const fullWidth = (s: string) =>
  s.replace(/[!-~ ]/g, (ch) => (ch === ' ' ? '\u3000' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));

describe('likelyKey', () => {
  it.each([
    ['杭州西湖茶业有限公司', '西湖茶业'],
    ['西湖茶业', '西湖茶业'],
    ['浙江杭州西湖茶业有限责任公司', '西湖茶业'],
    ['杭州市西湖区茶业有限公司', '茶业'],
    ['北京华信科技有限公司', '华信科技'],
    ['北京市华信科技股份有限公司', '华信科技'],
    ['华信科技（中国）有限公司', '华信科技'],
    ['华信科技有限公司北京分公司', '华信科技'],
    ['深圳市华信科技集团有限公司', '华信科技'],
    ['广东省深圳市华信科技有限公司', '华信科技'],
    ['黑龙江华信科技有限公司', '华信科技'],
    ['广西壮族自治区南宁华信科技有限公司', '华信科技'],
    ['上海浦东新区华信科技有限公司', '华信科技'],
    ['ACME Co., Ltd.', 'acme'],
    ['Acme Co.,Ltd', 'acme'],
    ['ACME CO LTD', 'acme'],
    ['ＡＣＭＥ', 'acme'],
    ['ACME（中国）有限公司', 'acme'],
    ['Acme (Shanghai) Trading Co., Ltd.', 'acmetrading'],
    ['Acme Inc.', 'acme'],
    ['Acme, LLC', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Group Limited', 'acme'],
  ])('%s → %s', (name, key) => {
    expect(likelyKey(name)).toBe(key);
  });

  it.each([
    ['中山大学', '中山大学', 'a city name that is also a name word is kept'],
    ['北京公司', '北京', 'never cut to nothing'],
    ['北京', '北京', 'a place alone stays a name'],
    ['（中国）', '中国', 'brackets alone are the name'],
    ['Co., Ltd.', 'co', 'a company form alone keeps a word'],
    ['Costco', 'costco', 'a form inside a word is part of it'],
    ['---', '', 'no letters, no key'],
  ])('%s → %s (%s)', (name, key) => {
    expect(likelyKey(name)).toBe(key);
  });

  const han = fc.constantFrom(...'华信科技西湖茶业联创达通中智远');
  const core = fc.oneof(
    fc.array(han, { minLength: 2, maxLength: 6 }).map((cs) => cs.join('')),
    fc
      .array(fc.constantFrom('Acme', 'Sino', 'Tech', 'Star', 'Blue', 'Ocean'), { minLength: 1, maxLength: 3 })
      .map((ws) => ws.join(' ')),
  );
  const place = fc.constantFrom('', '北京', '浙江杭州', '杭州市西湖区', '广东省深圳市', '上海');
  const form = fc.constantFrom(
    '',
    '有限公司',
    '有限责任公司',
    '股份有限公司',
    ' Co., Ltd.',
    ' Inc.',
    '（中国）有限公司',
  );
  const companyName = fc.tuple(place, core, form).map(([p, c, f]) => p + c + f);

  /** The same name as another person types it: case, width and spacing changed. */
  const retyped = (name: string, upper: boolean, wide: boolean, spaced: boolean) => {
    let s = upper ? name.toUpperCase() : name.toLowerCase();
    if (spaced) s = ` ${s.replace(/ /g, '   ').replace(/(\p{Script=Han})(?=\p{Script=Han})/gu, '$1 ')}\u3000`;
    return wide ? fullWidth(s) : s;
  };

  it('does not care for case, width or added spaces', () => {
    fc.assert(
      fc.property(companyName, fc.boolean(), fc.boolean(), fc.boolean(), (name, upper, wide, spaced) => {
        expect(likelyKey(retyped(name, upper, wide, spaced))).toBe(likelyKey(name));
      }),
    );
  });

  it('is idempotent, on company names and on any text', () => {
    fc.assert(
      fc.property(fc.oneof(companyName, fc.string({ unit: 'binary' })), (name) => {
        expect(likelyKey(likelyKey(name))).toBe(likelyKey(name));
      }),
    );
  });

  it('gives the same key with and without the place and the form', () => {
    fc.assert(
      fc.property(place, core, form, (p, c, f) => {
        expect(likelyKey(p + c + f)).toBe(likelyKey(c));
      }),
    );
  });
});

describe('nameKey, codeKey, emailKey', () => {
  it.each([
    ['北京华信科技', '北京华信科技'],
    [' 北京 华信科技 ', '北京华信科技'],
    ['北京\u3000华信科技', '北京华信科技'],
    ['ACME Co., Ltd.', 'acmeco.,ltd.'],
    ['ＡＣＭＥ　Ｃｏ．，Ｌｔｄ．', 'acmeco.,ltd.'],
    ['华信（中国）', '华信(中国)'],
  ])('name %j → %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('keeps punctuation in the exact name: that difference is for likely duplicates', () => {
    expect(nameKey('A.B.C')).not.toBe(nameKey('ABC'));
    expect(likelyKey('A.B.C')).toBe(likelyKey('ABC'));
  });

  it('nameKey is idempotent and blind to width, case and spacing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(nameKey(nameKey(s))).toBe(nameKey(s));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ 09.,华信') }), (s) => {
        expect(nameKey(` ${fullWidth(s.toUpperCase()).replace(/\u3000/g, '  ')} `)).toBe(nameKey(s));
      }),
    );
  });

  it.each([
    ['C0001', 'C0001'],
    ['c0001', 'C0001'],
    ['Ｃ０００１', 'C0001'],
    [' C 0001 ', 'C0001'],
  ])('code %j → %j', (code, key) => {
    expect(codeKey(code)).toBe(key);
  });

  it.each([
    [' Wang.Fang@Example.CN ', 'wang.fang@example.cn'],
    ['ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ', 'wang@example.cn'],
    ['not an email', null],
    ['a@b@c', null],
  ])('email %j → %j', (email, key) => {
    expect(emailKey(email)).toBe(key);
  });
});

describe('phoneKey', () => {
  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(+86) 138 0013 8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['0571-8888 6666', '057188886666'],
    ['057188886666', '057188886666'],
    ['(0571) 88886666', '057188886666'],
    ['+86 571 8888 6666', '057188886666'],
    ['+86-0571-88886666', '057188886666'],
    ['+86 10 8888 1234', '01088881234'],
    ['010-88881234', '01088881234'],
    ['0571-88886666 转 801', '057188886666'],
    ['0571-88886666 ext. 801', '057188886666'],
    ['+1 415 555 0100', '+14155550100'],
    ['001 415 555 0100', '+14155550100'],
    ['8888 6666', '88886666'],
  ])('%s → %s', (phone, key) => {
    expect(phoneKey(phone)).toBe(key);
  });

  it.each(['', '无', '-', '123', '00000000', '11111111111'])('%j says nothing', (phone) => {
    expect(phoneKey(phone)).toBeNull();
  });

  it('reads several numbers in one cell', () => {
    expect(phoneKeys('13800138000 / 0571-88886666；13900139000')).toEqual([
      '13800138000',
      '057188886666',
      '13900139000',
    ]);
    expect(phoneKeys('无')).toEqual([]);
  });

  it('does not care how a mobile number is split, spaced or prefixed', () => {
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
    const separator = fc.constantFrom('', ' ', '-', '  ', '\u3000');
    const prefix = fc.constantFrom('', '+86 ', '+86-', '0086 ', '86', '(+86)');
    fc.assert(
      fc.property(mobile, separator, prefix, fc.boolean(), (m, sep, pre, wide) => {
        const written = `${pre}${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`;
        const key = phoneKey(wide ? fullWidth(written) : written);
        if (!/^(\d)\1*$/.test(m)) expect(key).toBe(m);
      }),
    );
  });

  it('keeps an area code’s 0, written with +86 or without', () => {
    const area = fc.constantFrom('10', '21', '571', '755', '898');
    const local = fc.stringMatching(/^[2-8]\d{7}$/);
    fc.assert(
      fc.property(area, local, (a, l) => {
        const national = `0${a}${l}`;
        expect(phoneKey(`0${a}-${l}`)).toBe(national);
        expect(phoneKey(`+86 ${a} ${l}`)).toBe(national);
      }),
    );
  });
});

describe('exactKeys, indexKeys, likelyKeys', () => {
  const customer = (f: KeyFields) => ({
    exact: exactKeys('customers', f),
    index: indexKeys('customers', f),
    likely: likelyKeys('customers', f),
  });

  it('a customer is matched by its code when it has one, else by its name', () => {
    expect(customer({ code: 'c0001', name: '北京华信科技' }).exact).toEqual(['code:C0001']);
    expect(customer({ name: ' 北京 华信科技 ' }).exact).toEqual(['name:北京华信科技']);
    expect(customer({ code: '', name: '北京华信科技' }).exact).toEqual(['name:北京华信科技']);
  });

  it('a stored customer is found by its code and its name', () => {
    expect(customer({ code: 'C0001', name: '北京华信科技' }).index).toEqual([
      'code:C0001',
      'name:北京华信科技',
    ]);
  });

  it('likely keys: name, similar name, phones, email', () => {
    expect(
      customer({
        code: 'C0001',
        name: '北京华信科技有限公司',
        phone: '0571-8888 6666',
        mobile: '+86 138-0013-8000',
        email: ' Sales@HuaXin.CN ',
      }).likely,
    ).toEqual([
      'name:北京华信科技有限公司',
      'likely:华信科技',
      'phone:057188886666',
      'phone:13800138000',
      'email:sales@huaxin.cn',
    ]);
  });

  it('leaves out what is empty or says nothing', () => {
    expect(customer({ name: '北京华信', phone: '无', mobile: null, email: 'n/a' }).likely).toEqual([
      'name:北京华信',
      'likely:华信',
    ]);
    expect(customer({}).exact).toEqual([]);
  });

  /** Finds the pairs the way the import does: exact first, then likely; earlier rows join the index. */
  function pairs(kind: KeyedKind, rows: KeyFields[]) {
    const exactIndex = new Map<string, number>();
    const likelyIndex = new Map<string, number[]>();
    return rows.map((row, i) => {
      const exact = exactKeys(kind, row)
        .map((k) => exactIndex.get(k))
        .find((r) => r !== undefined);
      const likely =
        exact === undefined
          ? [...new Set(likelyKeys(kind, row).flatMap((k) => likelyIndex.get(k) ?? []))].sort()
          : [];
      for (const k of indexKeys(kind, row)) if (!exactIndex.has(k)) exactIndex.set(k, i);
      for (const k of likelyKeys(kind, row)) likelyIndex.set(k, [...(likelyIndex.get(k) ?? []), i]);
      return { exact, likely };
    });
  }

  it('finds exact and likely duplicates within a customer file', () => {
    const found = pairs('customers', [
      { code: 'C0001', name: '杭州西湖茶业有限公司', phone: '0571-8888 6666' },
      { name: '杭州西湖茶业有限公司' }, // the same name, no code: the same customer
      { code: 'C0001', name: '西湖茶业' }, // the same code: the same customer, renamed
      { name: '浙江杭州西湖茶业有限责任公司' }, // a similar name
      { name: '西湖茶叶店', phone: '057188886666' }, // the same phone, another name
      { name: 'ACME Co., Ltd.', email: 'info@acme.com' },
      { name: 'Acme Co.,Ltd' }, // the same company, written another way
      { name: 'ＡＣＭＥ　ＣＯ．，ＬＴＤ．' }, // the first Acme, full-width: the same name exactly
      { name: '深圳华信', email: 'INFO@acme.com' }, // the same email
      { code: 'C0009', name: '杭州西湖茶业有限公司' }, // another code, the same name
      { name: '龙井茶庄' }, // nothing in common
    ]);
    expect(found).toEqual([
      { exact: undefined, likely: [] },
      { exact: 0, likely: [] },
      { exact: 0, likely: [] },
      { exact: undefined, likely: [0, 1, 2] },
      { exact: undefined, likely: [0] },
      { exact: undefined, likely: [] },
      { exact: undefined, likely: [5] },
      { exact: 5, likely: [] },
      { exact: undefined, likely: [5] },
      { exact: undefined, likely: [0, 1, 2, 3] },
      { exact: undefined, likely: [] },
    ]);
  });

  it('a contact is the same by its name at its customer; its mobile or email make it likely', () => {
    const found = pairs('contacts', [
      { customerId: 1, name: '王芳', mobile: '138 0013 8000' },
      { customerId: 1, name: ' 王 芳' },
      { customerId: 2, name: '王芳' },
      { customerId: 3, name: '王小芳', mobile: '+86 13800138000' },
    ]);
    expect(found.map((f) => [f.exact, f.likely])).toEqual([
      [undefined, []],
      [0, []],
      [undefined, []],
      [undefined, [0]],
    ]);
  });

  it('products by code, else by name; orders by number alone', () => {
    expect(exactKeys('products', { code: 'P0001', name: '茶叶' })).toEqual(['code:P0001']);
    expect(exactKeys('products', { name: '龙井 茶' })).toEqual(['name:龙井茶']);
    expect(exactKeys('sales', { code: 'so000001' })).toEqual(['code:SO000001']);
    expect(exactKeys('sales', { customerId: 1, saleDate: '2024-03-05' })).toEqual([]);
  });

  it('records without a code are the same by what they say', () => {
    const activity = { customerId: 1, occurredAt: '2024-03-05T10:00', type: 'call', subject: '回访 ' };
    expect(exactKeys('activities', activity)).toEqual(
      exactKeys('activities', { ...activity, subject: '回访' }),
    );
    expect(exactKeys('activities', activity)).not.toEqual(
      exactKeys('activities', { ...activity, occurredAt: '2024-03-05T10:01' }),
    );
    const expense = { expenseDate: '2024-03-05', categoryId: 2, amount: 12_000, description: '出租车' };
    expect(exactKeys('expenses', expense)).toEqual(indexKeys('expenses', expense));
    expect(exactKeys('expenses', expense)).not.toEqual(exactKeys('expenses', { ...expense, amount: 12_001 }));
    expect(exactKeys('feedback', { code: 'F000001', subject: 'x' })).toEqual(['code:F000001']);
    expect(exactKeys('opportunities', { customerId: 1, title: '年度 采购' })).toEqual(
      exactKeys('opportunities', { customerId: 1, title: '年度采购' }),
    );
  });

  it('keys do not care how a customer’s fields were typed', () => {
    const name = fc.constantFrom('北京华信科技有限公司', 'ACME Co., Ltd.', '杭州 西湖茶业');
    const mail = fc.constantFrom('sales@huaxin.cn', 'Info@Acme.com');
    fc.assert(
      fc.property(name, mail, fc.boolean(), (n, e, wide) => {
        const f = { code: 'c01', name: n, email: e, mobile: '138 0013 8000' };
        const typed = (s: string) => (wide ? fullWidth(s.toUpperCase()) : ` ${s.toLowerCase()} `);
        const g = { code: typed('C01'), name: typed(n), email: typed(e), mobile: typed('+86 13800138000') };
        expect(indexKeys('customers', g)).toEqual(indexKeys('customers', f));
        expect(likelyKeys('customers', g)).toEqual(likelyKeys('customers', f));
      }),
    );
  });
});
