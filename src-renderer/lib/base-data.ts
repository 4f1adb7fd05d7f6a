import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BaseItem, BaseKind } from '../../src-main/contract';
import { call } from '../api';

export function useBaseData() {
  return useQuery({ queryKey: ['baseData'], queryFn: () => call('baseData.list', {}), staleTime: Infinity });
}

/** The entry's name in the current language, falling back to the other one. */
export function baseName(item: BaseItem, language: string): string {
  return (language.startsWith('zh') ? item.nameZh || item.nameEn : item.nameEn || item.nameZh) ?? '';
}

/** Lookup helpers for one language: names by id, and select options per list. */
export function useBaseLookup() {
  const { i18n } = useTranslation();
  const { data = [] } = useBaseData();
  const byId = new Map(data.map((item) => [item.id, item]));
  return {
    loaded: data.length > 0,
    name: (id: number | null | undefined): string => {
      const item = id == null ? undefined : byId.get(id);
      return item ? baseName(item, i18n.language) : '';
    },
    options: (kind: BaseKind) =>
      data
        .filter((item) => item.kind === kind && item.active)
        .map((item) => ({ value: String(item.id), label: baseName(item, i18n.language) })),
  };
}
