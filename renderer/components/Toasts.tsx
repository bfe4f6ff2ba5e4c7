// Toasts: errors (translated text by error code, the server's message as detail) and notices.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastError {
  code: string;
  message: string;
  /** Already-translated text shown instead of the error code's (a notice, not an error). */
  text?: string;
}

interface Toast extends ToastError {
  key: number;
}

const ToastContext = createContext<(error: ToastError) => void>(() => undefined);

const SHOW_MS = 8000;
let nextKey = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((key: number) => {
    setToasts((list) => list.filter((x) => x.key !== key));
  }, []);
  const show = useCallback(
    (error: ToastError) => {
      const key = nextKey++;
      setToasts((list) => [...list.slice(-3), { ...error, key }]);
      setTimeout(() => dismiss(key), SHOW_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.key} className="toast" data-testid="toast" data-code={toast.code}>
            <div className="toast-body">
              <strong>
                {toast.text ?? t(`errors.${toast.code}`, { defaultValue: toast.code })}
              </strong>
              {toast.message && <span className="toast-detail">{toast.message}</span>}
            </div>
            <button
              type="button"
              className="toast-close"
              aria-label={t('common.close')}
              onClick={() => dismiss(toast.key)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (error: ToastError) => void {
  return useContext(ToastContext);
}

/** Shows an already-translated notice (an announcement, not an error) as a toast. */
export function useNotice(): (text: string) => void {
  const show = useContext(ToastContext);
  return useCallback((text: string) => show({ code: 'notice', message: '', text }), [show]);
}
