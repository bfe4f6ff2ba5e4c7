// Documents of an agenda item; each opens in the viewer, or as the PDF file in a new tab.
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../core/index.ts';
import { fileUrl } from '../api/http.ts';
import { documentHref } from '../app/route.ts';
import { compareText } from '../format.ts';
import { platform } from '../platform.ts';
import { prefetchPdf } from '../viewer/download.ts';
import { pdfWorkerPort } from '../viewer/worker.ts';

/** Opening is coming: the file and pdf.js's worker start now, while the viewer loads. */
function getReady(meetingId: string, doc: DocumentInfo): void {
  prefetchPdf(fileUrl(meetingId, doc.sha256), platform.getToken(), doc.size);
  pdfWorkerPort();
}

export function DocumentList({
  meetingId,
  documents,
}: {
  meetingId: string;
  documents: DocumentInfo[];
}) {
  const { t } = useTranslation();
  // in upload order, as the secretary arranged them
  const sorted = [...documents].sort(
    (a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || compareText(a.name, b.name),
  );
  return (
    <ul className="documents" aria-label={t('meeting.documents')}>
      {sorted.map((doc) => (
        <li key={doc.id} data-testid="document">
          <a
            href={documentHref(meetingId, doc.id)}
            title={t('meeting.openDocument', { name: doc.name })}
            data-testid="document-open"
            onPointerDown={() => getReady(meetingId, doc)}
            onClick={() => getReady(meetingId, doc)}
          >
            <span className="doc-icon" aria-hidden="true">
              PDF
            </span>
            <span className="doc-name">{doc.name}</span>
            {doc.label && (
              <span className="doc-label" data-testid="doc-label">
                {doc.label}
              </span>
            )}
          </a>
          <span className="doc-pages">{t('meeting.pages', { count: doc.pages })}</span>
          <a
            className="doc-file"
            href={fileUrl(meetingId, doc.sha256)}
            target="_blank"
            rel="noopener noreferrer"
            title={t('meeting.openPdf', { name: doc.name })}
            data-testid="document-file"
          >
            {t('meeting.pdfFile')}
          </a>
        </li>
      ))}
    </ul>
  );
}
