/**
 * One valid input per channel, plus where to break it. Every channel must have an entry: a new
 * channel without one fails the "has a sample" test below. Samples run against a database that
 * holds the two customers made in `beforeEach` (ids 1 and 2, version 1).
 */
export interface Sample {
  valid: Record<string, unknown>;
  /**
   * A field and a value of the wrong type for it, and the reason expected (`invalid_type` unless
   * given; an enum reports any non-member, a number included, as `invalid_value`). Null only for
   * a channel that takes no fields.
   */
  wrongType: { field: string; value: unknown; reason?: 'invalid_value' } | null;
  /** A required field to leave out; null when the channel accepts `{}`. */
  required: string | null;
  /** Where a 1 MB string goes, and the field the error must name. */
  huge: { field: string };
}

export const coreSamples: Record<string, Sample> = {
  'app.info': {
    valid: {},
    wrongType: null,
    required: null,
    huge: { field: 'padding' },
  },
  'baseData.list': {
    valid: { kind: 'industry' },
    wrongType: { field: 'kind', value: 7, reason: 'invalid_value' },
    required: null,
    huge: { field: 'kind' },
  },
  // Base-data ids are the migration's seeded entries: customer types 1-5, customer levels 6-9,
  // regions 32-40 (40 = 海外), sales rep 61 (本人, the owner of the opportunities and sales seeds).
  'baseData.create': {
    valid: { kind: 'industry', nameZh: '新能源汽车', nameEn: 'New energy vehicles' },
    wrongType: { field: 'nameZh', value: 5 },
    required: 'nameZh',
    huge: { field: 'nameZh' },
  },
  'baseData.update': {
    valid: { id: 1, nameZh: '正式客户', nameEn: 'Client', active: true },
    wrongType: { field: 'active', value: 'yes' },
    required: 'id',
    huge: { field: 'nameEn' },
  },
  'baseData.reorder': {
    valid: { kind: 'customer_level', ids: [9, 8, 7, 6] },
    wrongType: { field: 'ids', value: '6,7,8,9' },
    required: 'ids',
    huge: { field: 'kind' },
  },
  'baseData.delete': {
    valid: { id: 40, mergeInto: 39 },
    wrongType: { field: 'mergeInto', value: '39' },
    required: 'id',
    huge: { field: 'mergeInto' },
  },
  'baseData.usage': {
    valid: { id: 61 },
    wrongType: { field: 'id', value: '61' },
    required: 'id',
    huge: { field: 'id' },
  },
  'search.global': {
    valid: { query: '华信', limit: 5 },
    wrongType: { field: 'limit', value: '5' },
    required: 'query',
    huge: { field: 'query' },
  },
  'home.summary': {
    valid: { today: '2026-01-02' },
    wrongType: { field: 'today', value: 20260102 },
    required: null,
    huge: { field: 'today' },
  },
  'customers.related': {
    valid: { ids: [1, 2] },
    wrongType: { field: 'ids', value: '1' },
    required: 'ids',
    huge: { field: 'ids' },
  },
  'customers.list': {
    valid: { keyword: '科技', typeId: 1, page: 1, pageSize: 20, sort: { column: 'name', direction: 'asc' } },
    wrongType: { field: 'page', value: '2' },
    required: null,
    huge: { field: 'keyword' },
  },
  'customers.get': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'customers.create': {
    valid: { name: '新客户', shortName: '新', email: 'a@b.cn', typeId: 1, notes: 'n' },
    wrongType: { field: 'typeId', value: 'customer' },
    required: 'name',
    huge: { field: 'name' },
  },
  'customers.update': {
    valid: { id: 1, version: 1, name: '改名', phone: '123' },
    wrongType: { field: 'version', value: [1] },
    required: 'version',
    huge: { field: 'notes' },
  },
  'customers.delete': {
    valid: { ids: [1, 2] },
    wrongType: { field: 'ids', value: 1 },
    required: 'ids',
    huge: { field: 'ids' },
  },
};
