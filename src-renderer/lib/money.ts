/** One formatter per language: building an Intl.NumberFormat costs more than formatting with it. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Money is stored in cents (分) and shown as yuan: 123456 → ¥1,234.56. */
export function formatMoney(cents: number | null | undefined, language = 'zh-CN'): string {
  if (cents == null) return '';
  const locale = language.startsWith('zh') ? 'zh-CN' : 'en-US';
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
    });
    moneyFormats.set(locale, format);
  }
  return format.format(cents / 100);
}

export const toYuan = (cents: number | null | undefined): number => (cents ?? 0) / 100;
