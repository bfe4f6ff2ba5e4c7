// Tells the user about a change the server refused, naming it (renderer/sync/refusalText.ts);
// a change it cannot name is shown as the error it is.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, ClientCommand } from '../../core/index.ts';
import { useToast } from '../components/Toasts.tsx';
import { refusalText, type RefusalContext } from '../sync/refusalText.ts';

export function useRefusalNotice(): (
  command: ClientCommand,
  error: AppError,
  ctx: RefusalContext,
) => void {
  const toast = useToast();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return useCallback(
    (command, error, ctx) => {
      const text = refusalText(t, lng, command, error, ctx);
      toast(text ? { code: error.code, message: '', text } : error);
    },
    [toast, t, lng],
  );
}
