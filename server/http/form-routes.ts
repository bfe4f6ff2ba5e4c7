// Opinion forms over HTTP: upload a PDF for a form, create, list, answer, results, documents.
import type { FastifyInstance } from 'fastify';
import {
  AnswerFormRequest,
  appError,
  canManageForms,
  canSeeForm,
  CreateFormRequest,
  FormFileParams,
  FormParams,
  type FormDocument,
} from '../../core/index.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { FormService } from '../forms/form-service.ts';
import { parseOr400, requireUser, sendError } from './common.ts';
import { receivePdf, sendPdfBlob, type PdfUploadDeps } from './pdf-upload.ts';

export interface FormRouteDeps extends PdfUploadDeps {
  accounts: AccountService;
  forms: FormService;
}

export function registerFormRoutes(app: FastifyInstance, deps: FormRouteDeps): void {
  const { accounts, forms } = deps;
  /**
   * PDFs uploaded for forms since this start, by hash. A form may name only these or the documents
   * of forms already sent: never any other blob (a meeting's document is for its participants).
   */
  const uploaded = new Map<string, { size: number; pages: number }>();

  function resolveDocuments(docs: { sha256: string; name: string }[]): FormDocument[] | string {
    const out: FormDocument[] = [];
    for (const { sha256, name } of docs) {
      const known = uploaded.get(sha256) ?? forms.knownDocument(sha256);
      if (!known) return `"${name}" has not been uploaded; upload it before sending the form.`;
      out.push({ name, sha256, size: known.size, pages: known.pages });
    }
    return out;
  }

  app.post('/api/forms/documents', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    if (!canManageForms(who))
      return sendError(
        reply,
        appError('FORBIDDEN', 'Only secretaries and administrators attach documents to forms.'),
      );
    const received = await receivePdf(req, deps);
    if (!received.ok) return sendError(reply, received.error);
    uploaded.set(received.pdf.sha256, received.pdf);
    return reply.code(201).send({ document: received.pdf });
  });

  app.post('/api/forms', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    if (!canManageForms(who))
      return sendError(
        reply,
        appError('FORBIDDEN', 'Only secretaries and administrators send opinion forms.'),
      );
    const body = parseOr400(CreateFormRequest, req.body, reply);
    if (!body) return reply;
    const documents = resolveDocuments(body.documents);
    if (typeof documents === 'string')
      return sendError(reply, appError('INVALID_PAYLOAD', documents));
    const result = await forms.create(who, body, documents);
    if (!result.ok) return sendError(reply, result.error);
    return reply.code(201).send({ form: result.value });
  });

  app.get('/api/forms', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    forms.tick();
    return { forms: forms.list(who), now: forms.now().toISOString() };
  });

  app.get('/api/forms/:formId', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(FormParams, req.params, reply);
    if (!params) return reply;
    const result = forms.view(who, params.formId);
    return result.ok ? { form: result.value } : sendError(reply, result.error);
  });

  app.post('/api/forms/:formId/answers', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(FormParams, req.params, reply);
    if (!params) return reply;
    const body = parseOr400(AnswerFormRequest, req.body, reply);
    if (!body) return reply;
    const result = await forms.answer(who, params.formId, body);
    return result.ok ? { form: result.value } : sendError(reply, result.error);
  });

  app.get('/api/forms/:formId/results', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(FormParams, req.params, reply);
    if (!params) return reply;
    const result = forms.results(who, params.formId);
    return result.ok ? { results: result.value } : sendError(reply, result.error);
  });

  app.get('/api/forms/:formId/files/:sha256', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(FormFileParams, req.params, reply);
    if (!params) return reply;
    const form = forms.get(params.formId);
    if (!form || !canSeeForm(form, who))
      return sendError(reply, appError('NOT_FOUND', 'There is no such opinion form.'));
    const doc = form.documents.find((d) => d.sha256 === params.sha256);
    if (!doc) return sendError(reply, appError('NOT_FOUND', 'This form has no such document.'));
    return sendPdfBlob(req, reply, deps.blobDir, doc);
  });
}
