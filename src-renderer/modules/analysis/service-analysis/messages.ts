/**
 * 服务分析 strings, used as t('analysis.service.…'). Each `…Help` is the figure's definition as a
 * student may quote it in a report; it says what the main process computes (contract/analysis/customers.ts).
 */
export const zh = {
  title: '服务分析',
  help: '服务分析：统计期间内收到的服务反馈按类型和月份的数量，各类型的平均满意度；期间内结束的服务反馈的平均满意度和平均处理天数；以及当前尚未结束的服务反馈（积压）。',
  received: '收到的服务反馈',
  receivedValue_one: '{{count}} 条',
  receivedValue_other: '{{count}} 条',
  receivedHelp: '统计期间内受理（受理日期在期间内）的服务反馈条数，不论是否已结束。',
  averageSatisfaction: '平均满意度',
  satisfactionValue: '{{value}} / 5',
  averageSatisfactionHelp:
    '统计期间内结束（结束日期在期间内）且有满意度评分的服务反馈，其满意度（1–5 分）的平均值，保留两位小数。',
  averageDaysToClose: '平均处理天数',
  daysValue: '{{value}} 天',
  averageDaysToCloseHelp:
    '统计期间内结束的服务反馈，从受理日期到结束日期的天数的平均值，保留两位小数；当天结束为 0 天。',
  backlog: '未结束的服务反馈',
  backlogValue_one: '{{count}} 条',
  backlogValue_other: '{{count}} 条',
  backlogOld_one: '其中 {{count}} 条受理已超过 30 天',
  backlogOld_other: '其中 {{count}} 条受理已超过 30 天',
  backlogHelp: '截至今天仍处理中的全部服务反馈（不受统计期间限制），以及其中受理日期在 30 天以前的条数。',
  noValue: '暂无',
  chartTitle: '各月服务反馈（按类型）',
  chartHelp: '每根柱子是一个月内受理的服务反馈条数，按反馈类型分段堆叠；柱子的总高度是该月的合计。',
  month: '月份',
  count: '条数',
  byType: '按类型统计',
  type: '反馈类型',
  typeCount: '数量',
  typeShare: '占比',
  typeShareHelp: '该类型的条数占统计期间内收到的全部服务反馈的比例。',
  typeSatisfaction: '平均满意度',
  typeSatisfactionHelp: '该类型在统计期间内受理、已结束并有评分的服务反馈的平均满意度（1–5 分）。',
  total: '合计',
  fileName: '服务分析 按类型',
  chartFileName: '服务分析 各月反馈',
  unknownType: '（已删除的类型）',
};

export const en: typeof zh = {
  title: 'Service analysis',
  help: 'Service analysis: feedback received in the period by type and month, the average satisfaction per type; the average satisfaction and days to close of the feedback closed in the period; and the feedback still open now (the backlog).',
  received: 'Feedback received',
  receivedValue_one: '{{count}} item',
  receivedValue_other: '{{count}} items',
  receivedHelp: 'Feedback received (received date in the period), closed or not.',
  averageSatisfaction: 'Average satisfaction',
  satisfactionValue: '{{value}} / 5',
  averageSatisfactionHelp:
    'The mean satisfaction score (1–5) of the feedback closed in the period that has a score, to two decimals.',
  averageDaysToClose: 'Average days to close',
  daysValue: '{{value}} days',
  averageDaysToCloseHelp:
    'The mean number of days from received to closed over the feedback closed in the period, to two decimals; closed the same day is 0 days.',
  backlog: 'Open feedback',
  backlogValue_one: '{{count}} item',
  backlogValue_other: '{{count}} items',
  backlogOld_one: '{{count}} of them received over 30 days ago',
  backlogOld_other: '{{count}} of them received over 30 days ago',
  backlogHelp:
    'All feedback still open today (whatever the period), and how many of those were received more than 30 days ago.',
  noValue: 'None yet',
  chartTitle: 'Feedback per month, by type',
  chartHelp:
    'Each bar is the feedback received in one month, stacked by type; its full height is the month’s total.',
  month: 'Month',
  count: 'Items',
  byType: 'By type',
  type: 'Feedback type',
  typeCount: 'Items',
  typeShare: 'Share',
  typeShareHelp: 'The type’s items as a share of all feedback received in the period.',
  typeSatisfaction: 'Average satisfaction',
  typeSatisfactionHelp:
    'The mean satisfaction score (1–5) of the type’s feedback received in the period, closed and scored.',
  total: 'Total',
  fileName: 'Service analysis by type',
  chartFileName: 'Service analysis per month',
  unknownType: '(deleted type)',
};
