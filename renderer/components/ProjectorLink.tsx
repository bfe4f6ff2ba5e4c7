// "Open the projector screen": asks the server for a read-only token and shows the address.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import { platform } from '../platform.ts';
import { useToast } from './Toasts.tsx';

export function ProjectorLink({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const request = async (): Promise<void> => {
    setBusy(true);
    try {
      const res = await api.projector(meetingId);
      // the server's path works on its own origin; inside Electron the page's origin is a file
      const base = platform.serverOrigin || window.location.origin;
      setUrl(new URL(res.url, base).href);
    } catch (err) {
      toast(err instanceof ApiError ? err : { code: 'INTERNAL', message: String(err) });
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (): Promise<void> => {
    try {
      await api.revokeProjector(meetingId);
      setUrl(null);
    } catch (err) {
      toast(err instanceof ApiError ? err : { code: 'INTERNAL', message: String(err) });
    }
  };
  const copy = async (): Promise<void> => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (plain http on the LAN): the address is selectable
    }
  };

  if (!url) {
    return (
      <button
        type="button"
        data-testid="open-projector"
        disabled={busy}
        onClick={() => void request()}
      >
        {t('projector.open')}
      </button>
    );
  }
  return (
    <div className="projector-link" data-testid="projector-link">
      <label>
        <span>{t('projector.address')}</span>
        <input
          readOnly
          value={url}
          data-testid="projector-url"
          onFocus={(e) => e.target.select()}
        />
      </label>
      <div className="control-group">
        <a className="button primary" href={url} target="_blank" rel="noopener noreferrer">
          {t('projector.openWindow')}
        </a>
        <button type="button" onClick={() => void copy()}>
          {copied ? t('projector.copied') : t('projector.copy')}
        </button>
        <button type="button" className="danger" onClick={() => void revoke()}>
          {t('projector.revoke')}
        </button>
        <button type="button" onClick={() => setUrl(null)}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
