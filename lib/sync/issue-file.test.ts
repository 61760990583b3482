import { describe, expect, it } from 'vitest';
import { parseIssueTitle, rfc822ToIsoDate, toIsoDate } from './issue-file';

describe('parseIssueTitle', () => {
  it.each([
    ['Import AI 474: Platonic mindspace', 474],
    ['ImportAI 449: LLMs training other LLMs', 449],
    ['Import AI #479: Counting pigeons', 479],
    ['Import AI: Issue 39: Robots', 39],
    ['Import AI: #75: Mind reading', 75],
    ['  Import AI 12 ', 12],
  ])('reads %j as issue %i', (title, number) => {
    expect(parseIssueTitle(title)).toEqual({ kind: 'issue', number });
  });

  it.each([
    ['A note on where the newsletter lives now', undefined],
    ['Office hours are moving to Thursdays', undefined],
    ['Import AI: a reading list', 'no issue number in the title'],
  ])('reads %j as not an issue', (title, note) => {
    expect(parseIssueTitle(title)).toEqual(note ? { kind: 'not-issue', note } : { kind: 'not-issue' });
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2026-07-06T12:03:00.000Z', '2026-07-06'],
    ['2026-07-06T09:00:00', '2026-07-06'],
    ['2026-02-30T09:00:00', undefined],
    ['yesterday', undefined],
  ])('reads %j as %s', (value, iso) => {
    expect(toIsoDate(value)).toBe(iso);
  });
});

describe('rfc822ToIsoDate', () => {
  it.each([
    ['Mon, 28 Sep 2026 12:32:03 +0000', '2026-09-28'],
    ['Mon, 03 Aug 2026 13:31:22 GMT', '2026-08-03'],
    // The calendar day as the publisher wrote it, not converted to UTC.
    ['Sun, 5 Jan 2025 23:30:00 -0800', '2025-01-05'],
    ['Tue, 31 Feb 2026 10:00:00 +0000', undefined],
    ['', undefined],
  ])('reads %j as %s', (value, iso) => {
    expect(rfc822ToIsoDate(value)).toBe(iso);
  });
});
