import { App } from 'antd';
import { useErrors } from '../i18n/useErrors';
import { saveBlob } from '../lib/saveFile';
import type { Query } from './client';
import { useApi } from './context';

/**
 * A file the server builds (an .xlsx, a PDF, a bank file), fetched with the token and handed to the
 * browser under the server's name (else `fallbackName`); a refusal is shown as its code's text.
 * Resolves whether the file was saved.
 */
export function useDownload() {
  const api = useApi();
  const errors = useErrors();
  const { message } = App.useApp();
  return async (path: string, fallbackName: string, query?: Query): Promise<boolean> => {
    try {
      const { blob, filename } = await api.download(path, query);
      saveBlob(blob, filename ?? fallbackName);
      return true;
    } catch (err) {
      message.error(errors.text(err));
      return false;
    }
  };
}
