import { z } from 'zod';
import { channel } from './channel';

/** Global search (Ctrl/Cmd+K): customers, contacts, opportunities, sales and products at once. */
export const globalSearchInput = z.strictObject({
  query: z.string().max(100),
  /** Hits per kind. */
  limit: z.number().int().min(1).max(20).default(5),
});

export interface SearchHit {
  kind: 'customer' | 'contact' | 'opportunity' | 'sale' | 'product';
  id: number;
  /** The line shown: a name, title or order number. */
  title: string;
  /** A second line: the code, customer, phone … */
  subtitle: string | null;
}

export const searchChannels = {
  'search.global': channel(globalSearchInput).returns<SearchHit[]>(),
};
