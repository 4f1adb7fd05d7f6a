/** Money is stored in cents (分) and shown as yuan: 123456 → ¥1,234.56. */
export function formatMoney(cents: number | null | undefined, language = 'zh-CN'): string {
  if (cents == null) return '';
  return new Intl.NumberFormat(language.startsWith('zh') ? 'zh-CN' : 'en-US', {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
  }).format(cents / 100);
}

/** Yuan typed in a form → cents, rounded to the cent. */
export const toCents = (yuan: number | string | null | undefined): number =>
  yuan === '' || yuan == null || Number.isNaN(Number(yuan)) ? 0 : Math.round(Number(yuan) * 100);

export const toYuan = (cents: number | null | undefined): number => (cents ?? 0) / 100;
