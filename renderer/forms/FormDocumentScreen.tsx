// A form's document in the app's viewer (#/forms/:id/documents/:sha256[/:page]), the way a
// meeting document opens; the page read is kept in the address.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDocument, FormSummary } from '../../core/index.ts';
import { ApiError } from '../api/http.ts';
import { formDocumentHref, formHref } from '../app/route.ts';
import { platform } from '../platform.ts';
import { PdfViewer } from '../viewer/PdfViewer.tsx';
import { formFileUrl, formsApi } from './formsApi.ts';

interface Props {
  formId: string;
  sha256: string;
  page: number | null;
}

export function FormDocumentScreen({ formId, sha256, page }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let current = true;
    formsApi.get(formId).then(
      (res) => current && setForm(res.form),
      (err: unknown) => current && setError(err instanceof ApiError ? err : null),
    );
    return () => {
      current = false;
    };
  }, [formId]);
  const doc = form?.documents.find((d) => d.sha256 === sha256);
  const back = (
    <a className="viewer-back" href={formHref(formId)} data-testid="viewer-back">
      ‹ {form?.title ?? t('forms.title')}
    </a>
  );
  if (!doc) {
    let message = t('common.loading');
    if (form) message = t('viewer.notFound');
    else if (error) message = t(`errors.${error.code}`);
    return (
      <main className="viewer-screen">
        <div className="viewer">
          <div className="viewer-toolbar">{back}</div>
          <div className="viewer-message" role={form || error ? 'alert' : 'status'}>
            <p data-testid="viewer-screen-message">{message}</p>
          </div>
        </div>
      </main>
    );
  }
  return <FormPdf formId={formId} doc={doc} page={page} back={back} />;
}

function FormPdf({
  formId,
  doc,
  page,
  back,
}: {
  formId: string;
  doc: FormDocument;
  page: number | null;
  back: ReactNode;
}) {
  const { t } = useTranslation();
  const { sha256, size } = doc;
  const source = useMemo(
    () => ({ url: formFileUrl(formId, sha256), token: platform.getToken(), size }),
    [formId, sha256, size],
  );
  const onPageChange = useCallback(
    (shown: number) => {
      const href = formDocumentHref(formId, sha256, shown);
      if (window.location.hash !== href) window.history.replaceState(null, '', href);
    },
    [formId, sha256],
  );
  return (
    <main className="viewer-screen">
      <PdfViewer
        source={source}
        page={page}
        onPageChange={onPageChange}
        toolbarStart={
          <>
            {back}
            <span className="viewer-title" title={doc.name} data-testid="viewer-title">
              {doc.name}
            </span>
          </>
        }
        toolbarEnd={
          <a
            className="viewer-download"
            href={source.url}
            target="_blank"
            rel="noopener noreferrer"
            title={t('viewer.downloadTitle', { name: doc.name })}
          >
            {t('viewer.download')}
          </a>
        }
      />
    </main>
  );
}
