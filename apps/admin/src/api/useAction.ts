import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useErrors } from '../i18n/useErrors';

/**
 * A write from a form or a button: on success the listed queries are refetched and `onDone`
 * runs; on a refusal the error's details land on the form's fields (when a form is given) and
 * its code's text is shown, in the user's language.
 */
export function useAction<TVars, TResult>(
  run: (vars: TVars) => Promise<TResult>,
  { form, invalidate = [], onDone, success }: { form?: FormInstance; invalidate?: QueryKey[]; onDone?: (r: TResult, vars: TVars) => void; success?: string } = {},
) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const errors = useErrors();
  return useMutation({
    mutationFn: run,
    onSuccess: (r, vars) => {
      for (const key of invalidate) void queryClient.invalidateQueries({ queryKey: key });
      if (success) message.success(success);
      onDone?.(r, vars);
    },
    onError: (err) => {
      if (form) errors.apply(form, err);
      message.error(errors.text(err));
    },
  });
}
