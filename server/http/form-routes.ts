// Opinion forms over HTTP: upload a PDF for a form, create, list, answer, results, documents.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
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
  /** Pages of the PDFs checked since this start, by hash; others are checked again on use. */
  const checked = new Map<string, number>();

  /** The documents a new form names, each a checked PDF in the blob store. */
  async function resolveDocuments(
    docs: { sha256: string; name: string }[],
  ): Promise<FormDocument[] | string> {
    const out: FormDocument[] = [];
    for (const { sha256, name } of docs) {
      const file = join(deps.blobDir, sha256);
      const size = await stat(file).then(
        (s) => s.size,
        () => null,
      );
      if (size === null) return `"${name}" has not been uploaded; upload it before sending.`;
      let pages = checked.get(sha256);
      if (pages === undefined) {
        const check = await deps.checker.check(file);
        if (!check.ok) return `"${name}" could not be opened as a PDF.`;
        pages = check.pages;
        checked.set(sha256, pages);
      }
      out.push({ name, sha256, size, pages });
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
    checked.set(received.pdf.sha256, received.pdf.pages);
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
    const documents = await resolveDocuments(body.documents);
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
