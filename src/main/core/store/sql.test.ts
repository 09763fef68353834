import { describe, expect, it } from 'vitest';
import { EMPTY, join, list, raw, sql, where } from './sql';

describe('sql fragments', () => {
  it('keeps each value beside its placeholder, through nesting', () => {
    const status = sql`status IN ${list(['draft', 'closed'])}`;
    const q = sql`SELECT * FROM incidents ${where([status, sql`area = ${'North'}`])} LIMIT ${10}`;
    expect(q).toEqual({
      text: 'SELECT * FROM incidents WHERE status IN (?, ?) AND area = ? LIMIT ?',
      params: ['draft', 'closed', 'North', 10],
    });
  });
  it('puts values in parameters, never in the text', () => {
    const q = sql`tag = ${"x' OR 1=1 --"}`;
    expect(q.text).toBe('tag = ?');
    expect(q.params).toEqual(["x' OR 1=1 --"]);
  });
  it('no conditions, no WHERE; raw text has no parameters', () => {
    expect(where([])).toBe(EMPTY);
    expect(sql`ORDER BY ${raw('code DESC')}`).toEqual({ text: 'ORDER BY code DESC', params: [] });
    expect(join([sql`a = ${1}`, sql`b = ${2}`], ', ')).toEqual({ text: 'a = ?, b = ?', params: [1, 2] });
  });
});
