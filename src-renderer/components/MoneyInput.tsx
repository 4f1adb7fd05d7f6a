import { NumberInput, type NumberInputProps } from '@mantine/core';
import { toCents, toYuan } from '../lib/money';

/** A yuan amount with two decimals; the value in and out is cents. */
export function MoneyInput({
  value,
  onChange,
  ...props
}: Omit<NumberInputProps, 'value' | 'onChange'> & {
  value: number | null;
  onChange: (cents: number) => void;
}) {
  return (
    <NumberInput
      {...props}
      value={value == null ? '' : toYuan(value)}
      onChange={(v) => onChange(toCents(v))}
      min={0}
      decimalScale={2}
      fixedDecimalScale
      thousandSeparator=","
      prefix="¥"
      hideControls
    />
  );
}
