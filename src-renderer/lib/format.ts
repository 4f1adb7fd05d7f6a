import dayjs from 'dayjs';

/** An ISO timestamp as local date and time, e.g. 2026-11-22 18:34. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
