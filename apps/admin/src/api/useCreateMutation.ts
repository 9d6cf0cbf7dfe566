import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useApi } from './context';
import { ApiError, applyFieldErrors } from './errors';

/**
 * POSTs a create form's values to `path`. On success: the form is reset, the list under `invalidate`
 * refetched and `onCreated` called with the new row; on an API error: its details land on the matching
 * fields and its message is shown.
 */
export function useCreateMutation<TBody, TCreated>(
  form: FormInstance<TBody>,
  { path, invalidate, onCreated }: { path: string; invalidate: QueryKey; onCreated: (created: TCreated) => void },
) {
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api.post<TCreated>(path, body),
    onSuccess: (created) => {
      form.resetFields();
      onCreated(created);
      void queryClient.invalidateQueries({ queryKey: invalidate });
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      if (err instanceof ApiError) message.error(err.message);
    },
  });
}
