// Search across a meeting's documents: GET /api/meetings/:meetingId/search?q=..., hits grouped by
// document and page, each with snippets. Only participants; only documents they may see.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  documentsToSearch,
  PACK_SEARCH_LIMITS,
  PackSearchQuery,
  searchPages,
  type PackSearchResult,
} from '../../core/packSearch.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { DocumentTexts } from '../documents/document-texts.ts';
import type { MeetingService } from '../meetings/service.ts';
import { parseOr400, requireParticipant, requireUser } from './common.ts';

const Params = z.object({ meetingId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** How long a search waits for a document's text still being read before answering without it. */
const WAIT_MS = 5000;

export interface SearchDeps {
  accounts: AccountService;
  meetings: MeetingService;
  texts: DocumentTexts;
}

export function registerSearchRoutes(app: FastifyInstance, deps: SearchDeps): void {
  const { accounts, meetings, texts } = deps;

  app.get('/api/meetings/:meetingId/search', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(Params, req.params, reply);
    if (!params) return reply;
    const found = requireParticipant(
      meetings,
      who,
      params.meetingId,
      reply,
      'Only participants of this meeting can search its documents.',
    );
    if (!found) return reply;
    const { log, role } = found;
    const query = parseOr400(PackSearchQuery, req.query, reply);
    if (!query) return reply;

    const docs = documentsToSearch(log.durable, who.userId, role);
    // every document's text is asked for at once: reading one does not wait for the others
    const states = await Promise.all(docs.map((d) => texts.get(d.sha256, WAIT_MS)));
    const result: PackSearchResult = {
      query: query.q,
      documents: [],
      total: 0,
      capped: false,
      pending: [],
      unsearchable: [],
    };
    docs.forEach((doc, i) => {
      const state = states[i]!;
      if (state.kind !== 'ready') {
        result[state.kind === 'pending' ? 'pending' : 'unsearchable'].push(doc.id);
        return;
      }
      if (state.text.pages.every((p) => !p.loose)) result.unsearchable.push(doc.id);
      const left = PACK_SEARCH_LIMITS.hits - result.total;
      if (left <= 0) {
        result.capped = true;
        return;
      }
      const found = searchPages(state.text.pages, query.q, left);
      result.total += found.hits;
      if (found.hits === 0) return;
      result.documents.push({
        documentId: doc.id,
        itemId: doc.itemId,
        name: doc.name,
        hits: found.hits,
        pages: found.pages,
      });
    });
    if (result.total >= PACK_SEARCH_LIMITS.hits) result.capped = true;
    return result;
  });
}
