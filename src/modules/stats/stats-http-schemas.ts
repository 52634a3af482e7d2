// Request and response schemas of the dashboard (docs/staff-api.md, "Dashboard").
import { Type } from 'typebox';
import { InboxItemSchema } from '../cases/present-inbox-item.ts';
import { REPORT_STATUSES } from '../reports/statuses.ts';

export const DashboardParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
});

export const DashboardQuery = Type.Object({
  from: Type.Optional(
    Type.String({
      format: 'date',
      description: 'First day received (Europe/Oslo); default 89 days before `to`',
    }),
  ),
  to: Type.Optional(
    Type.String({ format: 'date', description: 'Last day received (Europe/Oslo), included; default today' }),
  ),
});

const Count = Type.Integer({ minimum: 0 });

const MonthFigures = Type.Object({
  month: Type.String({ description: 'YYYY-MM, Europe/Oslo' }),
  received: Count,
  medianHoursToFirstReply: Type.Union([Type.Number(), Type.Null()]),
  medianHoursToDone: Type.Union([Type.Number(), Type.Null()]),
  shareDoneWithinDeadline: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
});

export const DashboardResponse = Type.Object({
  from: Type.String({ format: 'date', description: 'The period used' }),
  to: Type.String({ format: 'date' }),
  byStatus: Type.Object(Object.fromEntries(REPORT_STATUSES.map((s) => [s, Count])), {
    description: 'Reports received in the period, by current status',
  }),
  byCategory: Type.Array(
    Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), count: Count }),
    { description: 'Reports received in the period, by category, most first' },
  ),
  medianHoursToFirstReply: Type.Union([Type.Number(), Type.Null()], {
    description: 'Median hours from receipt to the first public reply, over reports that got one',
  }),
  medianHoursToDone: Type.Union([Type.Number(), Type.Null()], {
    description: 'Median hours from receipt to work done, over reports done',
  }),
  shareDoneWithinDeadline: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description:
      'Of reports with a due time that are done or open past it, the share done on or before it (0–1); null when there are none',
  }),
  overdue: Type.Array(InboxItemSchema, {
    description: 'Open and past due now, oldest due first, at most 50',
  }),
  perWeek: Type.Array(
    Type.Object({
      week: Type.String({ description: 'ISO week in Europe/Oslo, e.g. 2026-W07' }),
      received: Count,
      done: Count,
    }),
    { description: 'Every week of the period, also those with nothing' },
  ),
  perGroupMonth: Type.Array(
    Type.Object({
      groupId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
        description: 'The category group; null on the entry for all groups together (first)',
      }),
      code: Type.Union([Type.String(), Type.Null()]),
      name: Type.Union([Type.String(), Type.Null()]),
      months: Type.Array(MonthFigures, { description: 'Every month of the period, also those with nothing' }),
    }),
    {
      description:
        'The figures above per month received and category group, the same as on the public statistics page (/{slug}/statistikk); groups without reports in the period are left out',
    },
  ),
  fixFeedback: Type.Object(
    {
      asked: Type.Integer({ minimum: 0, description: 'Reporters asked "is it really fixed?" in the period' }),
      confirmed: Type.Integer({ minimum: 0, description: 'Of those, answered "yes, it is fixed"' }),
      reopened: Type.Integer({
        minimum: 0,
        description: 'Of those, answered "no" (the report was reopened)',
      }),
      unanswered: Type.Integer({
        minimum: 0,
        description: 'Of those, not answered (yet; the link is valid 60 days)',
      }),
    },
    {
      description:
        'The reporters\' answers to "is it really fixed?", over the questions asked in the period (Europe/Oslo dates), whatever the report\'s date. The share confirmed is confirmed / (confirmed + reopened).',
    },
  ),
});
