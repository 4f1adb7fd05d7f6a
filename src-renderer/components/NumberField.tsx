import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';

/**
 * A number as a form holds it: the number once the text reads as one, else the text exactly as
 * typed ('' when empty). The contract's schema refuses a text with the reason ("请输入数字"), so
 * the field says what is wrong and still shows what the user typed; nothing is rounded, clamped
 * or dropped on the way.
 */
export type TypedNumber = number | string;

/** The number in a typed value, or `fallback` while the text is not one (for totals as you type). */
export const numberOr = (value: TypedNumber | null | undefined, fallback = 0): number =>
  typeof value === 'number' ? value : fallback;

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Reads what was typed: full-width digits (１２．５), thousands separators, a ¥ sign and a %
 * sign are allowed around the number. `scale` turns the decimal text into whole units exactly
 * (yuan → cents with 100); more decimals than the scale has places give a fraction, which the
 * schema refuses as too many decimals rather than the form rounding it away.
 */
export function readTypedNumber(text: string, scale = 1): TypedNumber {
  const plain = text.normalize('NFKC').replace(/[\s,¥%]/g, '');
  if (plain === '') return '';
  if (!PLAIN_NUMBER.test(plain)) return text;
  const [, fraction = ''] = plain.split('.');
  const places = Math.round(Math.log10(scale));
  const n = Number(plain) * scale;
  return fraction.replace(/0+$/, '').length <= places ? Math.round(n) : n;
}

export interface NumberFieldProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value?: TypedNumber | null;
  onChange: (value: TypedNumber) => void;
  /** Whole units per typed unit: 100 for yuan typed and cents kept. */
  scale?: number;
  /** How a number reads when the field is not being typed in: ¥1,280.00, 30%. */
  format?: (value: number) => string;
}

/**
 * A number typed as text. What the user types stays on screen as typed; a number is reformatted
 * (`format`) only once the field is left without a problem (a refused -100 stays "-100" beside
 * its reason), or when the value is set from elsewhere (a product's list price on a line).
 */
export function NumberField({
  value,
  onChange,
  scale = 1,
  format = (n) => String(n / scale),
  onFocus,
  onBlur,
  ...props
}: NumberFieldProps) {
  const show = (v: TypedNumber | null | undefined) => (typeof v === 'number' ? format(v) : (v ?? ''));
  const [text, setText] = useState(() => show(value));
  const [shown, setShown] = useState(value);
  const [focused, setFocused] = useState(false);
  // A value set from outside (not the echo of this field's own typing) replaces the text.
  if (!Object.is(value, shown)) {
    setShown(value);
    if (!Object.is(readTypedNumber(text, scale), value)) setText(show(value));
  }
  // Left, and nothing wrong with it (a fraction of a cent is wrong): show it the usual way.
  const settled =
    !focused && !props.error && typeof value === 'number' && (scale === 1 || Number.isInteger(value));
  const shownText = settled ? show(value) : text;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...props}
      value={shownText}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        const read = readTypedNumber(typed, scale);
        setText(typed);
        setShown(read);
        onChange(read);
      }}
      onFocus={(e) => {
        setText(shownText);
        setFocused(true);
        onFocus?.(e);
      }}
      onBlur={(e) => {
        setFocused(false);
        onBlur?.(e);
      }}
    />
  );
}
