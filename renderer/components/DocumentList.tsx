// Documents of an agenda item; each opens as a PDF in a new tab (an in-app viewer comes later).
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../core/index.ts';
import { fileUrl } from '../api/http.ts';
import { compareText } from '../format.ts';

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
            href={fileUrl(meetingId, doc.sha256)}
            target="_blank"
            rel="noopener noreferrer"
            title={t('meeting.openPdf', { name: doc.name })}
          >
            <span className="doc-icon" aria-hidden="true">
              PDF
            </span>
            <span className="doc-name">{doc.name}</span>
          </a>
          <span className="doc-pages">{t('meeting.pages', { count: doc.pages })}</span>
        </li>
      ))}
    </ul>
  );
}
