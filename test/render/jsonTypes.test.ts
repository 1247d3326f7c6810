// The JSON the commands print has declared types (render/records.ts JsonOf for the records, each command's
// document type next to where it is built), and src/mcp/ reads the output through them. Two halves:
// - the types bite: `npm run typecheck` checks the @ts-expect-error lines below (a field a record lacks, the
//   wrong kind, a key list that leaves out or invents a field);
// - the types are what the commands print: every key of each document, recursively into the records it
//   embeds, is compared with a key list that the compiler holds to exactly the declared type's keys.
import { assertType, describe, expect, expectTypeOf, it } from 'vitest';
import type { AddJson } from '../../src/commands/add.js';
import type { CloseJson } from '../../src/commands/close.js';
import type { CommitJson, CommitResolvedJson } from '../../src/commands/commit.js';
import type { FollowupDoneJson } from '../../src/commands/followup.js';
import type { ListJson } from '../../src/commands/list.js';
import type { LogJson } from '../../src/commands/log.js';
import type { ShowJson, TimelineEntryJson } from '../../src/commands/show.js';
import type { ReachJson } from '../../src/commands/stats.js';
import type { CauseCount, Repeats } from '../../src/core/postmortem.js';
import type { Reliability } from '../../src/core/reliability.js';
import type { DueDealJson, DueItemJson, DueJson, QuietDealJson } from '../../src/render/due.js';
import type { ForecastDealJson, ForecastTotalJson } from '../../src/render/forecast.js';
import type { LessonJson, PostmortemReportJson } from '../../src/render/postmortem.js';
import {
  COMMITMENT, DEAL, FOLLOWUP, POSTMORTEM, PROSPECT,
  type CommitmentJson, type DealJson, type FollowupJson, type PostmortemJson, type ProspectJson, type Shape,
} from '../../src/render/records.js';
import { harness } from '../helpers.js';

/** The keys of T not in the list. */
type Missing<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;

/**
 * A list of exactly T's keys: naming a key T lacks fails to compile, and so does leaving one out (the
 * argument then has to be a tuple also carrying the missing keys, which no list of keys is).
 */
const keysOf =
  <T>() =>
  <const K extends ReadonlyArray<keyof T & string>>(...keys: K & ([Missing<T, K>] extends [never] ? unknown : { missing: Missing<T, K> })): K =>
    keys;

/** What to check in a JSON value: its keys, those that may be left out, and the objects it embeds. */
interface KeySpec {
  keys: readonly string[];
  /** Keys declared optional (`?:`), absent from some objects. */
  optional?: readonly string[];
  nested?: Record<string, KeySpec>;
}

const PROSPECT_KEYS = keysOf<ProspectJson>()(
  'id', 'name', 'company', 'role', 'email', 'phone', 'decision_maker', 'segment', 'tz', 'best_time', 'channel', 'notes', 'created_at',
);
const DEAL_KEYS = keysOf<DealJson>()(
  'id', 'title', 'prospect_id', 'prospect_name', 'company', 'value', 'value_minor', 'currency', 'status', 'stage', 'created_at', 'closed_at', 'lost_reason',
);
const FOLLOWUP_KEYS = keysOf<FollowupJson>()(
  'id', 'deal_id', 'due_at', 'channel', 'purpose', 'closure', 'agreed', 'status', 'outcome', 'notes', 'created_at', 'completed_at',
);
const COMMITMENT_KEYS = keysOf<CommitmentJson>()(
  'id', 'deal_id', 'kind', 'what', 'given_by', 'promised_at', 'payment', 'status', 'created_at', 'resolved_at',
);
const POSTMORTEM_KEYS = keysOf<PostmortemJson>()(
  'id', 'deal_id', 'outcome', 'what_happened', 'assumption', 'causes', 'reviewers', 'feedback', 'lesson', 'created_at',
);
const RELIABILITY_KEYS = keysOf<Reliability>()('kept', 'broken', 'pending');
const CAUSE_COUNT_KEYS = keysOf<CauseCount>()('cause', 'count');

const FOLLOWUP_SPEC: KeySpec = { keys: FOLLOWUP_KEYS };

const DOCUMENTS: Array<[string, string[], KeySpec, string?]> = [
  ['add', ['add', 'Ani', '--company', 'PT Tiga'], {
    keys: keysOf<AddJson>()(...DEAL_KEYS, 'cadence', 'prospect'),
    nested: { prospect: { keys: keysOf<AddJson['prospect']>()(...PROSPECT_KEYS, 'reused') } },
  }],
  ['due', ['due'], {
    keys: keysOf<DueJson>()('items', 'no_next_step', 'gone_quiet'),
    nested: {
      items: {
        keys: keysOf<DueItemJson>()(
          'followup_id', 'deal_id', 'prospect', 'company', 'title', 'due_at', 'their_time', 'channel', 'purpose', 'closure', 'agreed',
          'overdue', 'commitment', 'cadence', 'value', 'currency',
        ),
      },
      no_next_step: { keys: keysOf<DueDealJson>()('deal_id', 'prospect', 'company', 'title') },
      gone_quiet: { keys: keysOf<QuietDealJson>()('deal_id', 'prospect', 'company', 'title', 'reason') },
    },
  }, '2026-12-28T08:00:00Z'],
  ['show', ['show', '1'], {
    keys: keysOf<ShowJson>()(...DEAL_KEYS, 'cadence', 'prospect', 'commitments', 'followups', 'postmortems', 'timeline'),
    nested: {
      prospect: { keys: keysOf<ShowJson['prospect']>()(...PROSPECT_KEYS, 'reliability'), nested: { reliability: { keys: RELIABILITY_KEYS } } },
      commitments: { keys: COMMITMENT_KEYS },
      followups: FOLLOWUP_SPEC,
      postmortems: { keys: POSTMORTEM_KEYS },
      timeline: { keys: keysOf<TimelineEntryJson>()('at', 'kind', 'summary', 'tags'), optional: ['tags'] },
    },
  }],
  ['list', ['list', '--status', 'all'], { keys: keysOf<ListJson[number]>()(...DEAL_KEYS, 'prospect', 'next_followup_at', 'commitment', 'cadence') }],
  ['forecast', ['forecast'], {
    keys: keysOf<ForecastTotalJson>()('currency', 'total', 'deals'),
    nested: { deals: { keys: keysOf<ForecastDealJson>()('deal_id', 'prospect', 'company', 'title', 'value', 'promised_at', 'kept_by_firm') } },
  }],
  ['stats reach', ['stats', 'reach'], { keys: keysOf<ReachJson[number]>()('channel', 'hour', 'attempts', 'reached') }],
  ['postmortem report', ['postmortem', 'report'], {
    keys: keysOf<PostmortemReportJson>()('causes', 'lessons', 'repeats'),
    nested: {
      causes: { keys: CAUSE_COUNT_KEYS },
      lessons: { keys: keysOf<LessonJson>()('postmortem_id', 'deal_id', 'prospect', 'company', 'lesson', 'created_at') },
      repeats: { keys: keysOf<Repeats>()('count', 'total', 'causes', 'postmortem_ids'), nested: { causes: { keys: CAUSE_COUNT_KEYS } } },
    },
  }],
  ['followup', ['followup', '2', '--at', '2026-11-25 10:00'], FOLLOWUP_SPEC],
  ['followup reschedule', ['followup', 'reschedule', '3', '--at', '2026-11-26 10:00'], FOLLOWUP_SPEC],
  ['followup done', ['followup', 'done', '3', '--outcome', 'reached', '--next', '2026-11-30 10:00'], {
    keys: keysOf<FollowupDoneJson>()(...FOLLOWUP_KEYS, 'contact_at', 'next'),
    nested: { next: FOLLOWUP_SPEC },
  }],
  ['commit', ['commit', '2', 'low', 'will think'], { keys: keysOf<CommitJson>()(...COMMITMENT_KEYS, 'next_action') }],
  ['commit kept', ['commit', 'kept', '2'], {
    keys: keysOf<CommitResolvedJson>()(...COMMITMENT_KEYS, 'reliability'),
    nested: { reliability: { keys: RELIABILITY_KEYS } },
  }],
  ['log', ['log', '2', 'sent the price list', '--tag', 'pricing'], { keys: keysOf<LogJson>()('id', 'deal_id', 'at', 'text', 'tags') }],
  ['close', ['close', '2', 'not-now', '--revisit', '2027-03-01'], {
    keys: keysOf<CloseJson>()(...DEAL_KEYS, 'cadence', 'revisit_followup', 'cancelled_followups'),
    nested: { revisit_followup: FOLLOWUP_SPEC },
  }],
  ['postmortem', ['postmortem', '3', '--cause', 'timing', '--lesson', 'ask for the date'], { keys: POSTMORTEM_KEYS }],
];

/** A small book in which every document above has each of its lists and nested objects filled. */
async function book() {
  const h = harness('2026-11-22T08:00:00Z', 'UTC');
  const steps = [
    ['add', 'Budi Santoso', '--company', 'PT Maju', '--value', '1500', '--currency', 'USD', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00', '--decision-maker'],
    ['add', 'Sari', '--company', 'CV Dua', '--value', '800', '--currency', 'EUR'],
    ['add', 'Tono'],
    ['followup', '1', '--at', '2026-11-22 07:00', '--closure'],
    ['commit', '1', 'firm', 'signs the order', '--by', '2026-12-01'],
    ['followup', 'done', '1', '--outcome', 'reached', '--next', '2026-12-28 09:00'],
    ['log', '1', 'called about the price', '--tag', 'pricing'],
    ['close', '3', 'lost', '--reason', 'no budget'],
    ['postmortem', '3', '--cause', 'segment', '--cause', 'timing', '--lesson', 'qualify the budget first'],
    ['followup', '2', '--at', '2026-11-23 10:00'],
    ['postmortem', '1', '--outcome', 'stalled', '--cause', 'timing', '--lesson', 'agree the next step on every call'],
  ];
  for (const argv of steps) {
    const { code, stderr } = await h.run([...argv, '--json']);
    expect(code, `${argv.join(' ')}: ${stderr}`).toBe(0);
  }
  return h;
}

/** Fails on any key the value has that the spec does not declare, or declares that it lacks. */
function expectKeys(value: unknown, spec: KeySpec, path: string): void {
  if (Array.isArray(value)) {
    expect(value.length, `${path} is empty in the test book: nothing to check`).toBeGreaterThan(0);
    value.forEach((item, i) => expectKeys(item, spec, `${path}[${i}]`));
    return;
  }
  expect(value, `${path} is not an object`).toBeTypeOf('object');
  expect(value, `${path} is null in the test book: nothing to check`).not.toBeNull();
  const object = value as Record<string, unknown>;
  const actual = Object.keys(object);
  expect(actual.filter((key) => !spec.keys.includes(key)), `${path}: keys printed but not in its type`).toEqual([]);
  expect(spec.keys.filter((key) => !actual.includes(key) && !spec.optional?.includes(key)), `${path}: keys in its type but not printed`).toEqual([]);
  for (const [key, nested] of Object.entries(spec.nested ?? {})) expectKeys(object[key], nested, `${path}.${key}`);
}

describe('the declared JSON types are what the commands print', () => {
  it.each([
    [PROSPECT, PROSPECT_KEYS],
    [DEAL, DEAL_KEYS],
    [FOLLOWUP, FOLLOWUP_KEYS],
    [COMMITMENT, COMMITMENT_KEYS],
    [POSTMORTEM, POSTMORTEM_KEYS],
  ] as Array<[Shape, readonly string[]]>)('a record shape has the key list of its type, in order: %#', (shape, keys) => {
    expect(shape.fields.map((field) => field.name)).toEqual(keys);
  });

  it('every key of every document, recursively', async () => {
    const h = await book();
    const optionalSeen = new Set<string>();
    for (const [name, argv, spec, now] of DOCUMENTS) {
      const { code, stdout, stderr } = await h.run([...argv, '--json'], now ? { now } : {});
      expect(code, `${name}: ${stderr}`).toBe(0);
      expectKeys(JSON.parse(stdout), spec, name);
      if (name === 'show') for (const entry of JSON.parse(stdout).timeline) if ('tags' in entry) optionalSeen.add('timeline.tags');
    }
    // The timeline's optional tags were printed too (the journal line), so they were checked against the type.
    expect([...optionalSeen]).toEqual(['timeline.tags']);
  });
});

describe('the declared JSON types bite (checked by npm run typecheck)', () => {
  it('a record maps each field to its JSON type by kind', () => {
    expectTypeOf<DealJson['id']>().toEqualTypeOf<number>();
    expectTypeOf<DealJson['prospect_id']>().toEqualTypeOf<number>();
    expectTypeOf<DealJson['value_minor']>().toEqualTypeOf<number | null>();
    expectTypeOf<DealJson['value']>().toEqualTypeOf<number | null>();
    expectTypeOf<DealJson['title']>().toEqualTypeOf<string | null>();
    expectTypeOf<DealJson['created_at']>().toEqualTypeOf<string | null>();
    expectTypeOf<FollowupJson['closure']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<PostmortemJson['causes']>().toEqualTypeOf<string[]>();
  });

  it('a field a record lacks, the wrong kind, or a key list that is not exactly the type fails to compile', () => {
    const deal = JSON.parse('{}') as DealJson;
    // @ts-expect-error: a deal has no field 'valu'
    assertType(deal.valu);
    // @ts-expect-error: a deal's value is money, a number, never text
    assertType<string | null>(deal.value);
    // @ts-expect-error: a post-mortem's causes are a list, not text
    const causes: string = ({} as PostmortemJson).causes;
    // @ts-expect-error: `show` embeds the prospect as a record with its reliability, not as a name
    const prospect: string = ({} as ShowJson).prospect;
    // @ts-expect-error: a key list that leaves out a field of the type does not compile
    keysOf<LogJson>()('id', 'deal_id', 'at', 'text');
    // @ts-expect-error: nor one that names a field the type does not have
    keysOf<LogJson>()('id', 'deal_id', 'at', 'text', 'tags', 'tag');
    expect([causes, prospect]).toEqual([undefined, undefined]);
  });
});
