import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useApi } from './context';
import { useErrors } from '../i18n/useErrors';

/**
 * POSTs a create form's values to `path`. On success: the form is reset, the list under `invalidate`
 * refetched and `onCreated` called with the new row; on an API error: its details land on the matching
 * fields and its code's text is shown in the user's language.
 */
export function useCreateMutation<TBody, TCreated>(
  form: FormInstance<TBody>,
  { path, invalidate, onCreated }: { path: string; invalidate: QueryKey; onCreated: (created: TCreated) => void },
) {
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const errors = useErrors();
  return useMutation({
    mutationFn: (body: TBody) => api.post<TCreated>(path, body),
    onSuccess: (created) => {
      form.resetFields();
      onCreated(created);
      void queryClient.invalidateQueries({ queryKey: invalidate });
    },
    onError: (err) => {
      errors.apply(form, err);
      message.error(errors.text(err));
    },
  });
}
