import type { BaseKind } from './base-data';

/**
 * Industry templates: the first contents of the lists that differ from one business to another.
 * Chosen when a new file is set up (app.setup), or applied later from 基础数据
 * (baseData.applyTemplate). The lab guide's lists (customer types, levels, lifecycle stages,
 * opportunity stages, feedback types) are the same for every industry and are not here.
 *
 * An entry's key is its stable name in base_items: the same key means the same entry in every
 * template (and in migrations/0001_init.sql), so switching templates finds what is already there.
 */
export const templateKeys = ['general', 'retail', 'manufacturing', 'catering', 'it', 'education'] as const;
export type TemplateKey = (typeof templateKeys)[number];

/** The lists a template fills. Product categories always; sources and expense categories where it fits. */
export const templateKinds = [
  'product_category',
  'source',
  'expense_category',
] as const satisfies readonly BaseKind[];
export type TemplateKind = (typeof templateKinds)[number];

export interface TemplateEntry {
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface IndustryTemplate {
  key: TemplateKey;
  nameZh: string;
  nameEn: string;
  /** Each list in its order. A list left out keeps what the file has. */
  lists: { product_category: TemplateEntry[] } & Partial<Record<TemplateKind, TemplateEntry[]>>;
}

const e = (key: string, nameZh: string, nameEn: string): TemplateEntry => ({ key, nameZh, nameEn });

/** Sources every industry has (the seeded list); a template adds its own before 其他. */
const sources = (...own: TemplateEntry[]): TemplateEntry[] => [
  e('cold_call', '电话营销', 'Cold call'),
  e('website', '网站', 'Website'),
  e('referral', '客户介绍', 'Referral'),
  e('trade_show', '展会', 'Trade show'),
  e('advertising', '广告', 'Advertising'),
  e('partner', '合作伙伴', 'Partner'),
  ...own,
  e('other', '其他', 'Other'),
];

/** The seeded expense categories (SPEC.md's list); a template adds its own before 其他. */
const expenses = (...own: TemplateEntry[]): TemplateEntry[] => [
  e('travel', '差旅费', 'Travel'),
  e('entertainment', '招待费', 'Entertainment'),
  e('gift', '礼品费', 'Gifts'),
  e('communication', '通讯费', 'Communication'),
  e('marketing', '市场推广', 'Marketing'),
  ...own,
  e('other', '其他', 'Other'),
];

const walkIn = e('walk_in', '门店到访', 'Walk-in');
const socialMedia = e('social_media', '社交媒体', 'Social media');
const promotion = e('promotion', '促销活动', 'Promotions');

export const industryTemplates: readonly IndustryTemplate[] = [
  {
    key: 'general',
    nameZh: '通用',
    nameEn: 'General',
    lists: {
      product_category: [
        e('goods', '商品', 'Goods'),
        e('service', '服务', 'Services'),
        e('accessories', '配件', 'Accessories'),
        e('consumables', '耗材', 'Consumables'),
        e('maintenance', '维修保养', 'Repair and maintenance'),
        e('other', '其他', 'Other'),
      ],
    },
  },
  {
    key: 'retail',
    nameZh: '零售',
    nameEn: 'Retail',
    lists: {
      product_category: [
        e('food', '食品饮料', 'Food and drinks'),
        e('fresh', '生鲜果蔬', 'Fresh produce'),
        e('household', '日用百货', 'Household goods'),
        e('apparel', '服装鞋帽', 'Clothing and shoes'),
        e('appliances', '家用电器', 'Home appliances'),
        e('beauty', '美妆个护', 'Beauty and personal care'),
        e('baby', '母婴用品', 'Mother and baby'),
      ],
      source: sources(walkIn, e('online_store', '电商平台', 'Online marketplace'), socialMedia),
      expense_category: expenses(promotion),
    },
  },
  {
    key: 'manufacturing',
    nameZh: '制造',
    nameEn: 'Manufacturing',
    lists: {
      product_category: [
        e('raw_materials', '原材料', 'Raw materials'),
        e('components', '零部件', 'Parts and components'),
        e('finished_goods', '成品', 'Finished goods'),
        e('machinery', '机械设备', 'Machinery and equipment'),
        e('tooling', '模具工装', 'Moulds and tooling'),
        e('spare_parts', '备品备件', 'Spare parts'),
        e('after_sales', '售后服务', 'After-sales service'),
      ],
      source: sources(e('tender', '招投标', 'Tenders')),
      expense_category: expenses(e('samples', '样品费', 'Samples'), e('freight', '运输费', 'Freight')),
    },
  },
  {
    key: 'catering',
    nameZh: '餐饮',
    nameEn: 'Food service',
    lists: {
      product_category: [
        e('hot_dishes', '热菜', 'Hot dishes'),
        e('cold_dishes', '凉菜', 'Cold dishes'),
        e('staples', '主食', 'Staple foods'),
        e('drinks', '酒水饮料', 'Drinks'),
        e('set_meals', '套餐', 'Set meals'),
        e('banquets', '宴会', 'Banquets'),
        e('takeaway', '外卖', 'Takeaway'),
      ],
      source: sources(walkIn, e('delivery_app', '外卖平台', 'Delivery apps'), socialMedia),
      expense_category: expenses(promotion),
    },
  },
  {
    key: 'it',
    nameZh: '软件与IT',
    nameEn: 'Software and IT',
    lists: {
      product_category: [
        e('hardware', '硬件', 'Hardware'),
        e('software', '软件', 'Software'),
        e('service', '服务', 'Services'),
        e('consumables', '耗材', 'Consumables'),
        e('cloud', '云服务', 'Cloud services'),
        e('integration', '系统集成', 'System integration'),
      ],
    },
  },
  {
    key: 'education',
    nameZh: '教育培训',
    nameEn: 'Education and training',
    lists: {
      product_category: [
        e('tutoring', '中小学辅导', 'School tutoring'),
        e('language', '语言培训', 'Language courses'),
        e('vocational', '职业技能', 'Vocational skills'),
        e('exam_prep', '考证培训', 'Exam preparation'),
        e('corporate_training', '企业内训', 'Corporate training'),
        e('online_courses', '在线课程', 'Online courses'),
        e('materials', '教材资料', 'Textbooks and materials'),
      ],
      source: sources(e('trial_lesson', '试听课', 'Trial lessons'), socialMedia),
    },
  },
];

export function industryTemplate(key: TemplateKey): IndustryTemplate {
  return industryTemplates.find((t) => t.key === key)!;
}
