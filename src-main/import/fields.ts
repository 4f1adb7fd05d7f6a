import type {
  CustomField,
  ImportField,
  ImportFieldType,
  ImportKind,
  ImportMapping,
  RememberedMapping,
} from '../contract';
import { builtInFields } from './field-table';

/**
 * 导入's map step: the fields a file's columns can fill (built-in ones from field-table.ts, then
 * the user's custom fields), and which header most likely means which field. Matching is on the
 * header's normalised form, never fuzzy: the user's remembered mapping first, then a field's
 * label (what the app's forms and exports call it), then its synonyms, then the same with a
 * bracketed unit dropped (单价（元） → 单价). One field takes one header; the better match wins.
 */

export { builtInFields };

const customTypes: Record<CustomField['type'], ImportFieldType> = {
  text: 'text',
  number: 'number',
  date: 'date',
  select: 'enum',
  multiselect: 'enum',
  checkbox: 'boolean',
};

/** A custom field (自定义字段) as an import field: its label is its header in both languages. */
export function customImportField(f: CustomField): ImportField {
  const multiple = f.type === 'multiselect';
  return {
    key: `custom.${f.id}`,
    type: customTypes[f.type],
    required: f.required,
    label: { zh: f.label, en: f.label },
    synonyms: [],
    customFieldId: f.id,
    ...(f.type === 'select' || multiple
      ? { options: f.options.map((o) => ({ value: o, zh: o, en: o })) }
      : {}),
    ...(multiple ? { multiple } : {}),
  };
}

/**
 * The fields an import of `kind` fills: the built-in ones in form order, then the kind's active
 * custom fields (others' and switched-off ones are left out).
 */
export function importFields(kind: ImportKind, customFields: readonly CustomField[] = []): ImportField[] {
  return [
    ...builtInFields[kind],
    ...customFields.filter((f) => f.entity === kind && f.active).map(customImportField),
  ];
}

/**
 * A header as it is compared: NFKC (full-width letters, digits and spaces to half-width),
 * lower case, and nothing but letters and digits (spaces, underscores, punctuation and marks
 * such as a required-field * go), so 'Company_Name', 'company name' and 'ＣｏｍｐａｎｙＮａｍｅ' agree.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A header without its bracketed parts: 单价（元）, Amount (USD), 金额[万元] → 单价, Amount, 金额. */
const withoutBrackets = (header: string) =>
  header.normalize('NFKC').replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '');

/**
 * The key under which a mapping for these headers is remembered: the normalised headers, sorted,
 * so the same columns in another order (or with other spacing or case) find it again. Store it
 * per record kind: the same headers may be a customers file one day and a contacts file the next.
 */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).sort().join('|');
}

/** Each header's key in a RememberedMapping: its normalised form, `#2`, `#3` … when repeated. */
function rememberKeys(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const norm = normaliseHeader(h);
    const n = (seen.get(norm) ?? 0) + 1;
    seen.set(norm, n);
    return n === 1 ? norm : `${norm}#${n}`;
  });
}

/** What to remember of the user's mapping of `headers`, for `suggestMapping` to offer again. */
export function rememberMapping(headers: readonly string[], mapping: ImportMapping): RememberedMapping {
  const keys = rememberKeys(headers);
  return Object.fromEntries(keys.map((k, i) => [k, mapping[i] ?? null]));
}

/** A field's names as headers are compared with them: a label scores 3000, synonyms 2000 down. */
function namesOf(field: ImportField): Map<string, number> {
  const names = new Map<string, number>();
  field.synonyms.forEach((s, i) => {
    const norm = normaliseHeader(s);
    // An earlier synonym is the more telling one.
    if (norm && !names.has(norm)) names.set(norm, 2000 - i);
  });
  for (const label of [field.label.zh, field.label.en]) {
    const norm = normaliseHeader(label);
    if (norm) names.set(norm, 3000);
  }
  return names;
}

/** How well a header names a field (its `namesOf`): higher is better, 0 not at all. */
function matchScore(names: Map<string, number>, header: string): number {
  const norm = normaliseHeader(header);
  const direct = names.get(norm);
  if (direct) return direct;
  const bare = normaliseHeader(withoutBrackets(header));
  return bare && bare !== norm ? (names.get(bare) ?? 0) / 2 : 0;
}

/**
 * For each header, the key of the field it most likely fills, or null. A `remembered` mapping
 * (the user's last one for the same headers) wins where it names a field that still exists;
 * a header it left unmapped stays unmapped. The rest are matched by label, then synonym; where
 * two headers could fill one field, the better match takes it (an equal one: the header further
 * left) and the other stays unmapped, or takes the next field it names.
 */
export function suggestMapping(
  kind: ImportKind,
  headers: readonly string[],
  customFields: readonly CustomField[] = [],
  remembered?: RememberedMapping,
): ImportMapping {
  const fields = importFields(kind, customFields);
  const known = new Set(fields.map((f) => f.key));
  const mapping: ImportMapping = headers.map(() => null);
  const taken = new Set<string>();
  const settled = new Set<number>();

  if (remembered) {
    rememberKeys(headers).forEach((key, i) => {
      if (!(key in remembered)) return;
      const choice = remembered[key];
      if (choice === null) settled.add(i);
      else if (choice !== undefined && known.has(choice) && !taken.has(choice)) {
        mapping[i] = choice;
        taken.add(choice);
        settled.add(i);
      }
    });
  }

  const names = fields.map(namesOf);
  const candidates: { header: number; field: number; score: number }[] = [];
  headers.forEach((header, h) => {
    if (settled.has(h)) return;
    names.forEach((fieldNames, f) => {
      const score = matchScore(fieldNames, header);
      if (score > 0) candidates.push({ header: h, field: f, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.header - b.header || a.field - b.field);
  for (const c of candidates) {
    const key = fields[c.field]!.key;
    if (mapping[c.header] !== null || taken.has(key)) continue;
    mapping[c.header] = key;
    taken.add(key);
  }
  return mapping;
}
