import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { trashedBy } from '../../src-renderer/lib/undo';
import { en, zh } from '../../src-renderer/modules/trash/messages';
import { countsText, sumCounts } from '../../src-renderer/modules/trash/words';

const translator = async (lng: 'zh-CN' | 'en') => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { 'zh-CN': { translation: { trash: zh } }, en: { translation: { trash: en } } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
};

describe('what went with a trash entry, in words', () => {
  it('names each table in the lab guide’s words, lines after their sale', async () => {
    const t = await translator('zh-CN');
    expect(countsText(t, { sale_lines: 3, contacts: 2, sales: 1 })).toBe('2 个联系人、1 笔销售（3 行明细）');
    expect(countsText(t, { opportunity_lines: 2, opportunity_stage_history: 4 })).toBe(
      '2 行明细、4 条阶段历史',
    );
    expect(countsText(t, {})).toBe('');
  });

  it('counts tables it has no word for together instead of showing their names', async () => {
    const t = await translator('zh-CN');
    expect(countsText(t, { expenses: 1, some_new_table: 2, another: 1 })).toBe('1 笔费用、3 条其他记录');
  });

  it('speaks English with plurals', async () => {
    const t = await translator('en');
    expect(countsText(t, { contacts: 1, sales: 2, sale_lines: 5 })).toBe('1 contact, 2 sales (5 lines)');
  });

  it('adds up several entries table by table', () => {
    expect(sumCounts([{ contacts: 2, sales: 1 }, { contacts: 1 }, {}])).toEqual({ contacts: 3, sales: 1 });
  });
});

describe('which writes offer 撤销', () => {
  it('a delete of a trash kind that put entries in the trash', () => {
    expect(trashedBy('contacts.delete', { deleted: 2, trashIds: [7, 8] })).toEqual({
      kind: 'contacts',
      result: { deleted: 2, trashIds: [7, 8] },
    });
  });

  it('not other writes, other deletes, or a delete that trashed nothing', () => {
    expect(trashedBy('contacts.update', { deleted: 1, trashIds: [7] })).toBeNull();
    expect(trashedBy('baseData.delete', { deleted: 1 })).toBeNull();
    expect(trashedBy('customFields.delete', { deleted: 1, trashIds: [3] })).toBeNull();
    expect(trashedBy('customers.delete', { deleted: 0, trashIds: [] })).toBeNull();
  });
});
