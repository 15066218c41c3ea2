import { NoContent, actorOf, responses, type App } from '../../platform/http/route-kit.ts';
import {
  CaseDetailSchema,
  CaseListQuery,
  CaseListSchema,
  CaseParams,
  CasePatchBody,
  CloseCaseBody,
  MemberListSchema,
  MemberParams,
  MemberSchema,
  NewCaseBody,
  NewMemberBody,
  NewSubjectBody,
  OffenceListSchema,
  SubjectParams,
  SubjectPatchBody,
  SubjectSchema,
  presentCase,
  presentListItem,
  presentMember,
  presentOffence,
  presentSubject,
} from './schema.ts';
import type { CasesService } from './service.ts';

const tags = ['cases'];

/** Cases, their members and subjects, and the offence catalogue, under /api/v1. Every route needs a login. */
export async function casesRoutes(app: App, deps: { cases: CasesService }): Promise<void> {
  const { cases } = deps;

  app.get(
    '/api/v1/offences',
    { schema: { tags, summary: 'The offence catalogue (UN Convention against Cybercrime, Budapest Convention)', response: responses({ 200: OffenceListSchema }) } },
    async () => ({ items: cases.offences().map(presentOffence) }),
  );

  app.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Open a case; the caller becomes its lead',
        description: 'Central authority, investigator, prosecutor or duty officer. Without `reference`, one is generated as {STATE}-{YEAR}-{NNNN}.',
        body: NewCaseBody,
        response: responses({ 201: CaseDetailSchema }),
      },
    },
    async (req, reply) => {
      const view = await cases.createCase(actorOf(req), req.body);
      return reply.code(201).header('location', `/api/v1/cases/${view.record.id}`).send(presentCase(view));
    },
  );

  app.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'List the cases I may see, newest first',
        description: 'Members see their cases; oversight sees the metadata of every case. Keyset-paginated: pass `next` as `cursor`.',
        querystring: CaseListQuery,
        response: responses({ 200: CaseListSchema }),
      },
    },
    async (req) => {
      const page = await cases.listCases(actorOf(req), req.query);
      return { items: page.items.map(presentListItem), next: page.next };
    },
  );

  app.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'Read a case: in full for members, metadata only for oversight',
        params: CaseParams,
        response: responses({ 200: CaseDetailSchema }),
      },
    },
    async (req) => presentCase(await cases.getCase(actorOf(req), req.params.id)),
  );

  app.patch(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'Change title, summary or offences (lead, member)',
        params: CaseParams,
        body: CasePatchBody,
        response: responses({ 200: CaseDetailSchema }),
      },
    },
    async (req) => presentCase(await cases.updateCase(actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/cases/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a case with a reason (lead); it becomes read-only',
        params: CaseParams,
        body: CloseCaseBody,
        response: responses({ 200: CaseDetailSchema }),
      },
    },
    async (req) => presentCase(await cases.closeCase(actorOf(req), req.params.id, req.body)),
  );

  // ── members ────────────────────────────────────────────────────────────────────────────────────────────

  app.get(
    '/api/v1/cases/:id/members',
    { schema: { tags, summary: 'Members of a case and their case roles', params: CaseParams, response: responses({ 200: MemberListSchema }) } },
    async (req) => ({ items: (await cases.members.list(actorOf(req), req.params.id)).map(presentMember) }),
  );

  app.post(
    '/api/v1/cases/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member, or change a member\'s case role (lead)',
        description: '201 when the user was added, 200 when an existing member\'s case role was changed. The last lead cannot be demoted.',
        params: CaseParams,
        body: NewMemberBody,
        response: responses({ 200: MemberSchema, 201: MemberSchema }),
      },
    },
    async (req, reply) => {
      const r = await cases.members.add(actorOf(req), req.params.id, req.body);
      return reply.code(r.created ? 201 : 200).send(presentMember(r.member));
    },
  );

  app.delete(
    '/api/v1/cases/:id/members/:userId',
    {
      schema: { tags, summary: 'Remove a member (lead); the last lead cannot be removed', params: MemberParams, response: responses({ 204: NoContent }) },
    },
    async (req, reply) => {
      await cases.members.remove(actorOf(req), req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  );

  // ── subjects ───────────────────────────────────────────────────────────────────────────────────────────

  app.post(
    '/api/v1/cases/:id/subjects',
    {
      schema: {
        tags,
        summary: 'Add a subject: a natural or legal person (lead, member)',
        description: 'A suspect needs a participation (perpetrator, accomplice, instigator, attempt); other roles must not have one.',
        params: CaseParams,
        body: NewSubjectBody,
        response: responses({ 201: SubjectSchema }),
      },
    },
    async (req, reply) => reply.code(201).send(presentSubject(await cases.subjects.add(actorOf(req), req.params.id, req.body))),
  );

  app.patch(
    '/api/v1/cases/:id/subjects/:subjectId',
    {
      schema: {
        tags,
        summary: 'Change a subject (lead, member); absent fields stay, null clears',
        params: SubjectParams,
        body: SubjectPatchBody,
        response: responses({ 200: SubjectSchema }),
      },
    },
    async (req) => presentSubject(await cases.subjects.update(actorOf(req), req.params.id, req.params.subjectId, req.body)),
  );

  app.delete(
    '/api/v1/cases/:id/subjects/:subjectId',
    { schema: { tags, summary: 'Remove a subject (lead, member)', params: SubjectParams, response: responses({ 204: NoContent }) } },
    async (req, reply) => {
      await cases.subjects.remove(actorOf(req), req.params.id, req.params.subjectId);
      return reply.code(204).send(null);
    },
  );
}
