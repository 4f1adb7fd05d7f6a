import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/money';
import { NumberField, type NumberFieldProps } from './NumberField';

/**
 * A yuan amount typed as text (¥1,280.50, 1280.5 or １２８０); the value in and out is cents, or
 * the text as typed while it is not an amount (see NumberField).
 */
export function MoneyInput(props: Omit<NumberFieldProps, 'scale' | 'format'>) {
  const { i18n } = useTranslation();
  return <NumberField {...props} scale={100} format={(cents) => formatMoney(cents, i18n.language)} />;
}
