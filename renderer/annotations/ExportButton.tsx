// "Tải về kèm ghi chú của tôi": the current document with the delegate's own annotations written
// in as PDF annotations and a footer naming them, saved as a file. The document's bytes come from
// the device's cache when the pack is there (offline too), else from the server; pdf-lib and the
// font are loaded only when the button is used.
import dejavuUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, MeetingState } from '../../core/model.ts';
import { downloadDocument } from '../cache/download.ts';
import { isLanguage } from '../i18n/index.ts';
import { platform } from '../platform.ts';
import { exportFileName, exportTime, ownAnnotations } from './exportOwn.ts';

interface Props {
  meetingId: string;
  meeting: Pick<MeetingState, 'annotations'>;
  doc: Pick<DocumentInfo, 'id' | 'name' | 'sha256'>;
  user: { id: string; displayName: string };
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; outdated: number }
  | { kind: 'failed'; reason: 'encrypted' | 'damaged' | 'failed' };

async function documentBytes(meetingId: string, sha256: string): Promise<Uint8Array> {
  const cached = await platform.documents?.get(sha256).catch(() => null);
  return cached ?? downloadDocument(meetingId, sha256, new AbortController().signal);
}

async function fontBytes(): Promise<Uint8Array> {
  const res = await fetch(dejavuUrl);
  if (!res.ok) throw new Error(`The font answered ${res.status}.`);
  return new Uint8Array(await res.arrayBuffer());
}

function save(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // the download has its own copy once started; a minute is plenty
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportButton({ meetingId, meeting, doc, user }: Props) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const run = async () => {
    setStatus({ kind: 'working' });
    const lang = isLanguage(i18n.language) ? i18n.language : 'vi';
    const { annotations, outdated } = ownAnnotations(meeting, user.id, doc.id, doc.sha256);
    try {
      const [{ exportAnnotatedPdf }, pdf, font] = await Promise.all([
        import('./exportPdf.ts'),
        documentBytes(meetingId, doc.sha256),
        fontBytes(),
      ]);
      const at = new Date();
      try {
        const out = await exportAnnotatedPdf(pdf, annotations, {
          footer: t('annotations.export.footer', {
            name: user.displayName,
            time: exportTime(at, lang),
          }),
          at,
          font,
          authorName: () => user.displayName,
        });
        save(out, exportFileName(doc.name, t('annotations.export.fileSuffix')));
        setStatus({ kind: 'done', outdated });
      } catch (err) {
        const failure = (err as { failure?: unknown }).failure;
        setStatus({ kind: 'failed', reason: failure === 'encrypted' ? 'encrypted' : 'damaged' });
      }
    } catch {
      setStatus({ kind: 'failed', reason: 'failed' });
    }
  };

  return (
    <>
      <button
        type="button"
        className="viewer-export"
        onClick={() => void run()}
        disabled={status.kind === 'working'}
        title={t('annotations.export.title')}
        data-testid="viewer-export"
      >
        {status.kind === 'working'
          ? t('annotations.export.working')
          : t('annotations.export.button')}
      </button>
      {status.kind === 'failed' && (
        <span className="viewer-export-message" role="alert" data-testid="viewer-export-message">
          {t(`annotations.export.${status.reason}`)}
        </span>
      )}
      {status.kind === 'done' && status.outdated > 0 && (
        <span className="viewer-export-message" role="status" data-testid="viewer-export-message">
          {t('annotations.export.outdated', { count: status.outdated })}
        </span>
      )}
    </>
  );
}
