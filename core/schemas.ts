// Zod schemas for every command and event, and the TypeScript types inferred from them.
// The server parses every socket payload with these; the client uses the same types.
import { z } from 'zod';
import {
  ATTENDANCE_STATUSES,
  MEETING_STATUSES,
  ROLES,
  SPEAKER_KINDS,
  VOTE_KINDS,
  VOTE_RULES,
  VOTE_VISIBILITIES,
} from './model.ts';

export const LIMITS = {
  title: 300,
  text: 5000,
  reason: 500,
  name: 200,
  /** Rewritten sections of the minutes per language, and follow-up tasks. */
  minutesSections: 100,
  minutesTasks: 100,
  /** A document's confidentiality label ("MẬT", "Lưu hành nội bộ"). */
  label: 60,
  /** Largest socket message the server reads (bytes); larger ones are cut off by the transport. */
  messageBytes: 64 * 1024,
} as const;

export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -');
export const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'must be a lowercase hex SHA-256');
const Title = z.string().trim().min(1, 'must not be empty').max(LIMITS.title);
const Text = z.string().max(LIMITS.text);
const IsoDate = z.iso.datetime({ offset: true });
const Presenter = z.string().max(LIMITS.name);
/** Planned minutes for an agenda item, up to a day. */
const DurationMin = z
  .number()
  .int()
  .min(0)
  .max(24 * 60)
  .nullable();

export const RoleSchema = z.enum(ROLES);
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export const QuorumSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fraction'), value: z.number().gt(0).max(1) }),
  z.strictObject({ kind: z.literal('count'), value: z.number().int().min(1).max(100_000) }),
]);

const MeetingInfoFields = {
  title: Title,
  description: Text,
  location: z.string().max(LIMITS.title),
  startsAt: IsoDate,
  quorum: QuorumSchema,
  selfCheckIn: z.boolean(),
};
const MeetingFields = {
  ...MeetingInfoFields,
  maxProxiesPerHolder: z.number().int().min(1).max(10),
  speakingLimitSec: z
    .number()
    .int()
    .min(10)
    .max(4 * 3600),
};

/** A vote's client-made ballot token (docs/protocol.md §12): 22-64 of [A-Za-z0-9_-]. */
export const BallotToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, 'must be 22-64 letters, digits, _ or -');
const VoteIdPayload = z.strictObject({ voteId: Id });

/** Proxies, the speakers list and votes (issue 4); rules in core/proxies, speakers, voting. */
const CHAIR_COMMANDS = [
  z.strictObject({
    type: z.literal('proxy.grant'),
    payload: z.strictObject({ fromUserId: Id.optional(), toUserId: Id }),
  }),
  z.strictObject({
    type: z.literal('proxy.revoke'),
    payload: z.strictObject({ fromUserId: Id.optional() }),
  }),
  z.strictObject({
    type: z.literal('speaker.register'),
    payload: z.strictObject({
      kind: z.enum(SPEAKER_KINDS),
      addressedTo: z.string().trim().max(LIMITS.name).default(''),
    }),
  }),
  z.strictObject({
    type: z.literal('speaker.withdraw'),
    payload: z.strictObject({ entryId: Id }),
  }),
  z.strictObject({
    type: z.literal('speaker.reorder'),
    payload: z.strictObject({ entryIds: z.array(Id).max(500) }),
  }),
  z.strictObject({
    type: z.literal('speaker.giveFloor'),
    payload: z.strictObject({ entryId: Id }),
  }),
  z.strictObject({ type: z.literal('speaker.endSpeech'), payload: z.strictObject({}) }),
  z.strictObject({
    type: z.literal('vote.create'),
    payload: z.strictObject({
      itemId: Id,
      title: Title,
      kind: z.enum(VOTE_KINDS),
      options: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('standard') }),
        z.strictObject({
          kind: z.literal('custom'),
          labels: z.array(z.string().trim().min(1).max(LIMITS.name)).min(2).max(20),
        }),
      ]),
      multiple: z.boolean().default(false),
      maxChoices: z.number().int().min(1).max(20).optional(),
      rule: z.enum(VOTE_RULES),
      visibility: z.enum(VOTE_VISIBILITIES),
      allowChange: z.boolean().default(true),
      deadline: IsoDate.nullable().default(null),
    }),
  }),
  z.strictObject({ type: z.literal('vote.open'), payload: VoteIdPayload }),
  z.strictObject({ type: z.literal('vote.close'), payload: VoteIdPayload }),
  z.strictObject({
    type: z.literal('vote.cast'),
    payload: z.strictObject({
      voteId: Id,
      choices: z.array(Id).min(1).max(20),
      onBehalfOf: Id.nullable().default(null),
      token: BallotToken,
    }),
  }),
] as const;

/** Coordinates in PDF user space: finite, and within any real page's reach. */
const Coord = z.number().finite().min(-100_000).max(100_000);
const Page = z.number().int().min(1).max(100_000);
const Color = z.string().regex(/^#[0-9a-f]{6}$/, 'must be a colour like #ffd400');
const PdfRectSchema = z.strictObject({
  x: Coord,
  y: Coord,
  w: z.number().finite().min(0).max(100_000),
  h: z.number().finite().min(0).max(100_000),
});
export const ANNOTATION_LIMITS = {
  rects: 200,
  strokes: 200,
  /** Numbers per stroke (x, y pairs). */
  strokePoints: 4000,
  quote: 2000,
  context: 200,
  /** Annotations one person may keep in one meeting. */
  perUser: 5000,
} as const;
export const AnnotationShapeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('highlight'),
    rects: z.array(PdfRectSchema).min(1).max(ANNOTATION_LIMITS.rects),
    quote: z.string().max(ANNOTATION_LIMITS.quote),
    prefix: z.string().max(ANNOTATION_LIMITS.context).default(''),
    suffix: z.string().max(ANNOTATION_LIMITS.context).default(''),
  }),
  z.strictObject({
    kind: z.literal('ink'),
    strokes: z
      .array(
        z
          .array(Coord)
          .min(2)
          .max(ANNOTATION_LIMITS.strokePoints)
          .refine((a) => a.length % 2 === 0, 'must hold x, y pairs'),
      )
      .min(1)
      .max(ANNOTATION_LIMITS.strokes),
    width: z.number().finite().min(0.25).max(50),
  }),
  z.strictObject({ kind: z.literal('note'), x: Coord, y: Coord }),
  z.strictObject({
    kind: z.literal('text'),
    rect: PdfRectSchema,
    fontSize: z.number().finite().min(4).max(96),
  }),
]);

/** Annotations, personal notes and presenting (issue 3); rules in core/annotations.ts. */
const ANNOTATION_COMMANDS = [
  z.strictObject({
    type: z.literal('annotation.create'),
    payload: z.strictObject({
      annotationId: Id,
      documentId: Id,
      page: Page,
      color: Color,
      text: Text.default(''),
      shape: AnnotationShapeSchema,
      shared: z.boolean().default(false),
    }),
  }),
  z.strictObject({
    type: z.literal('annotation.update'),
    payload: z.strictObject({
      annotationId: Id,
      color: Color.optional(),
      text: Text.optional(),
      page: Page.optional(),
      shape: AnnotationShapeSchema.optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('annotation.delete'),
    payload: z.strictObject({ annotationId: Id }),
  }),
  z.strictObject({
    type: z.literal('annotation.share'),
    payload: z.strictObject({ annotationId: Id, shared: z.boolean() }),
  }),
  z.strictObject({
    type: z.literal('note.save'),
    payload: z.strictObject({ itemId: Id, text: Text }),
  }),
  z.strictObject({
    type: z.literal('presentation.start'),
    payload: z.strictObject({
      documentId: Id,
      page: Page.default(1),
      presenterId: Id.optional(),
    }),
  }),
  z.strictObject({ type: z.literal('presentation.stop'), payload: z.strictObject({}) }),
] as const;

/** A calendar date, YYYY-MM-DD, that exists. */
const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'is not a real date');
/** A key of a minutes section: `opening`, `attendance`, `agenda`, `item:<itemId>`, `other`, `closing`. */
export const MinutesSectionKey = z
  .string()
  .regex(/^[a-z]{1,20}(:[A-Za-z0-9_-]{1,64})?$/, 'must be a section key such as item:<itemId>');
const MinutesSections = z
  .record(MinutesSectionKey, Text)
  .refine((r) => Object.keys(r).length <= LIMITS.minutesSections, {
    message: `at most ${LIMITS.minutesSections} sections`,
  })
  .default({});

/** The secretary's minutes (core/minutes-rules.ts): the whole text, saved over the last version. */
const MINUTES_COMMANDS = [
  z.strictObject({
    type: z.literal('minutes.save'),
    payload: z.strictObject({
      baseVersion: z.number().int().min(0),
      organisation: z.string().trim().max(LIMITS.title).default(''),
      number: z.string().trim().max(LIMITS.name).default(''),
      city: z.string().trim().max(LIMITS.name).default(''),
      sections: z.strictObject({ vi: MinutesSections, en: MinutesSections }).default({
        vi: {},
        en: {},
      }),
      conclusions: Text.default(''),
      tasks: z
        .array(
          z.strictObject({
            id: Id,
            title: z.string().trim().min(1, 'must not be empty').max(LIMITS.reason),
            ownerId: Id.nullable().default(null),
            ownerName: z.string().trim().max(LIMITS.name).default(''),
            due: CalendarDate.nullable().default(null),
          }),
        )
        .max(LIMITS.minutesTasks)
        .default([]),
      final: z.boolean().default(false),
    }),
  }),
] as const;

/** Drafts, who sees which document, read receipts (issue 5); rules in core/publish.ts. */
export const DocumentAudienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('some'), users: z.array(Id).max(1000) }),
]);
const PUBLISH_COMMANDS = [
  z.strictObject({ type: z.literal('meeting.publish'), payload: z.strictObject({}) }),
  z.strictObject({
    type: z.literal('document.setAccess'),
    payload: z.strictObject({
      documentId: Id,
      audience: DocumentAudienceSchema,
      label: z.string().trim().max(LIMITS.label),
    }),
  }),
  z.strictObject({
    type: z.literal('document.opened'),
    payload: z.strictObject({ documentId: Id }),
  }),
] as const;

/** Commands a client may send over the socket, discriminated on `type`. */
export const ClientCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('meeting.create'),
    payload: z.strictObject({
      ...MeetingInfoFields,
      description: MeetingFields.description.default(''),
      location: MeetingFields.location.default(''),
      quorum: QuorumSchema.default({ kind: 'fraction', value: 0.5 }),
      selfCheckIn: z.boolean().default(false),
    }),
  }),
  z.strictObject({
    type: z.literal('meeting.update'),
    payload: z
      .strictObject({
        title: MeetingFields.title,
        description: MeetingFields.description,
        location: MeetingFields.location,
        startsAt: MeetingFields.startsAt,
        quorum: MeetingFields.quorum,
        selfCheckIn: MeetingFields.selfCheckIn,
        maxProxiesPerHolder: MeetingFields.maxProxiesPerHolder,
        speakingLimitSec: MeetingFields.speakingLimitSec,
      })
      .partial(),
  }),
  z.strictObject({
    type: z.literal('meeting.setStatus'),
    payload: z.strictObject({ status: MeetingStatusSchema }),
  }),
  z.strictObject({
    type: z.literal('participant.add'),
    payload: z.strictObject({ userId: Id, role: RoleSchema }),
  }),
  z.strictObject({
    type: z.literal('participant.setRole'),
    payload: z.strictObject({ userId: Id, role: RoleSchema }),
  }),
  z.strictObject({
    type: z.literal('participant.remove'),
    payload: z.strictObject({ userId: Id }),
  }),
  z.strictObject({
    type: z.literal('agenda.add'),
    payload: z.strictObject({
      parentId: Id.nullable().default(null),
      title: Title,
      description: Text.default(''),
      presenter: Presenter.default(''),
      durationMin: DurationMin.default(null),
      index: z.number().int().min(0).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('agenda.update'),
    payload: z.strictObject({
      itemId: Id,
      title: Title.optional(),
      description: Text.optional(),
      presenter: Presenter.optional(),
      durationMin: DurationMin.optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('agenda.move'),
    payload: z.strictObject({
      itemId: Id,
      parentId: Id.nullable(),
      index: z.number().int().min(0),
    }),
  }),
  z.strictObject({
    type: z.literal('agenda.remove'),
    payload: z.strictObject({ itemId: Id }),
  }),
  z.strictObject({
    type: z.literal('agenda.setCurrent'),
    payload: z.strictObject({ itemId: Id.nullable() }),
  }),
  z.strictObject({
    type: z.literal('attendance.set'),
    payload: z.strictObject({
      userId: Id,
      status: AttendanceStatusSchema,
      reason: z.string().trim().max(LIMITS.reason).default(''),
    }),
  }),
  z.strictObject({
    type: z.literal('document.remove'),
    payload: z.strictObject({ documentId: Id }),
  }),
  ...CHAIR_COMMANDS,
  ...ANNOTATION_COMMANDS,
  ...MINUTES_COMMANDS,
  ...PUBLISH_COMMANDS,
]);

/** Commands only the server issues on someone's behalf (an upload over HTTP becomes `document.add`). */
export const ServerCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('document.add'),
    payload: z.strictObject({
      itemId: Id,
      name: z.string().trim().min(1).max(LIMITS.name),
      sha256: Sha256,
      size: z.number().int().min(1),
      pages: z.number().int().min(1),
      audience: DocumentAudienceSchema.optional(),
      label: z.string().trim().max(LIMITS.label).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('document.replace'),
    payload: z.strictObject({
      documentId: Id,
      name: z.string().trim().min(1).max(LIMITS.name),
      sha256: Sha256,
      size: z.number().int().min(1),
      pages: z.number().int().min(1),
    }),
  }),
  // a document's annotations moved to its new version (core/reanchor.ts)
  z.strictObject({
    type: z.literal('annotation.reanchor'),
    payload: z.strictObject({
      documentId: Id,
      fromSha: Sha256,
      toSha: Sha256,
      placements: z
        .array(
          z.strictObject({
            annotationId: Id,
            version: z.number().int().min(1),
            page: Page,
            shape: AnnotationShapeSchema,
          }),
        )
        .max(1_000_000),
    }),
  }),
]);

export type ClientCommand = z.infer<typeof ClientCommandSchema>;
export type ServerCommand = z.infer<typeof ServerCommandSchema>;
export type Command = ClientCommand | ServerCommand;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** The envelope of a command on the wire: a client-made id makes a retry safe. */
export const CommandEnvelopeSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, _ or -'),
  meetingId: Id.nullable(),
  command: z.unknown(),
});
export type CommandEnvelope = z.infer<typeof CommandEnvelopeSchema>;

export const JoinRequestSchema = z.strictObject({
  meetingId: Id,
  sinceRev: z.number().int().min(0).nullable().default(null),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

/** `presenter:move`: the presenter's current document and page (volatile, coalesced). */
export const PresenterMoveSchema = z.strictObject({ meetingId: Id, documentId: Id, page: Page });
export type PresenterMove = z.infer<typeof PresenterMoveSchema>;

export const LeaveRequestSchema = z.strictObject({ meetingId: Id });

/** `vote:status`: the live count of a vote and the asker's own ballots. */
export const VoteStatusRequestSchema = z.strictObject({ meetingId: Id, voteId: Id });
