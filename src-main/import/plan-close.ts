/**
 * Rows that say their record is closed (机会 赢单 / 输单, 服务反馈 已结束): the import makes the
 * record and then closes it through the kind's close channel, as a user would, so a won
 * opportunity gets its sale and a closed item its closed date, the app's own way. The row's
 * close fields are taken out of its create input here and checked with the close channel's own
 * schema, so the check step names their problems with the door's reasons.
 */
import type { z } from 'zod';
import { channels, fromZodIssue, type ValidationReason } from '../contract';

/** One problem a schema finds in a row's values, at the field (the import's key) it concerns. */
export interface SchemaProblem {
  field: string;
  reason: ValidationReason;
  params?: Record<string, string | number>;
}

/** What the channel's schema says of `input`: the parsed value, or its problems, one per field. */
export function checkWith(
  schema: z.ZodType,
  input: Record<string, unknown>,
): { ok: true; value: Record<string, unknown> } | { ok: false; problems: SchemaProblem[] } {
  const checked = schema.safeParse(input);
  if (checked.success) return { ok: true, value: checked.data as Record<string, unknown> };
  const problems = new Map<string, SchemaProblem>();
  for (const issue of checked.error.issues) {
    const data = fromZodIssue(issue, input);
    const path = data.field ?? '';
    const field = path.startsWith('custom.') ? path : path.split('.')[0]!;
    if (problems.has(field)) continue;
    const params =
      data.params || data.limit !== undefined
        ? { ...data.params, ...(data.limit !== undefined ? { limit: data.limit } : {}) }
        : undefined;
    problems.set(field, {
      field,
      reason: data.reason ?? 'invalid_value',
      ...(params ? { params } : {}),
    });
  }
  return { ok: false, problems: [...problems.values()] };
}

export interface RowClose {
  /** The close channel and its input but the record's id and version; none for a row left open. */
  channel?: 'opportunities.close' | 'feedback.close';
  input?: Record<string, unknown>;
  problems: SchemaProblem[];
}

interface Closing {
  channel: 'opportunities.close' | 'feedback.close';
  /** The import fields that close the record (role 'close' in field-table.ts). */
  fields: readonly string[];
  /** The close input the row's close fields make; undefined when the row leaves the record open. */
  input: (
    close: Record<string, unknown>,
    values: Record<string, unknown>,
  ) => Record<string, unknown> | undefined;
}

const closings: Partial<Record<string, Closing>> = {
  opportunities: {
    channel: 'opportunities.close',
    fields: ['status', 'lostReason'],
    input: (close, values) =>
      close.status === 'won'
        ? // The sale a won opportunity makes is dated when it was expected to close, if the row says.
          { outcome: 'won', ...(values.expectedCloseDate ? { saleDate: values.expectedCloseDate } : {}) }
        : close.status === 'lost'
          ? { outcome: 'lost', lostReason: close.lostReason }
          : undefined,
  },
  feedback: {
    channel: 'feedback.close',
    fields: ['status', 'result', 'satisfaction', 'closedDate'],
    input: (close) =>
      close.status === 'closed'
        ? { result: close.result, satisfaction: close.satisfaction, closedDate: close.closedDate }
        : undefined,
  },
};

/**
 * Takes a row's close fields out of `values` (what is left is the create input) and says how the
 * record is closed after it is made, checked by the close channel's schema.
 */
export function closeOfRow(
  kind: string,
  values: Record<string, unknown>,
  closedStages: ReadonlyMap<number, string>,
): RowClose {
  const closing = closings[kind];
  if (!closing) return { problems: [] };
  const close: Record<string, unknown> = {};
  for (const f of closing.fields) {
    if (values[f] !== undefined) close[f] = values[f];
    delete values[f];
  }
  // 阶段 赢单 / 输单 (an exported list says so) is an outcome: a record is made in an open stage.
  const outcome = typeof values.stageId === 'number' ? closedStages.get(values.stageId) : undefined;
  if (kind === 'opportunities' && outcome !== undefined) {
    delete values.stageId;
    close.status ??= outcome;
  }
  const input = closing.input(close, values);
  if (!input) return { problems: [] };
  // Placeholders for the record the import makes first.
  const checked = checkWith(channels[closing.channel] as z.ZodType, { id: 1, version: 1, ...input });
  if (!checked.ok) return { problems: checked.problems };
  const { id: _id, version: _version, ...parsed } = checked.value;
  return { channel: closing.channel, input: parsed, problems: [] };
}
