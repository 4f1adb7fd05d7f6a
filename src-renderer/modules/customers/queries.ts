import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../src-main/contract';
import { call } from '../../api';

export const customerKeys = {
  all: ['customers'] as const,
  list: (input: ChannelInput<'customers.list'>) => ['customers', 'list', input] as const,
  one: (id: number) => ['customers', 'one', id] as const,
};

export function useCustomerList(input: ChannelInput<'customers.list'>) {
  return useQuery({
    queryKey: customerKeys.list(input),
    queryFn: () => call('customers.list', input),
    // Keep the old page on screen while the next one loads, so the table does not flash.
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: number) {
  return useQuery({ queryKey: customerKeys.one(id), queryFn: () => call('customers.get', { id }) });
}

export function useSaveCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'customers.create'> | ChannelInput<'customers.update'>) =>
      'id' in input ? call('customers.update', input) : call('customers.create', input),
    onSuccess: (customer) => {
      client.setQueryData(customerKeys.one(customer.id), customer);
      void client.invalidateQueries({ queryKey: ['customers', 'list'] });
    },
  });
}

export function useDeleteCustomers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => call('customers.delete', { ids }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}
