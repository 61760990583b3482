import { describe, expect, it } from 'vitest';
import { WorkBudget } from './budget';

describe('WorkBudget', () => {
  it('gives out positions until they run out', () => {
    const budget = new WorkBudget(10);
    expect(budget.take(4)).toBe(true);
    expect(budget.take(6)).toBe(true);
    expect(budget.spent).toBe(10);
    expect(budget.exhausted).toBe(false);
    expect(budget.take(1)).toBe(false);
    expect(budget.exhausted).toBe(true);
  });

  it('stays spent once a request did not fit, so a pass never resumes on smaller pieces', () => {
    const budget = new WorkBudget(10);
    expect(budget.take(11)).toBe(false);
    expect(budget.take(1)).toBe(false);
    expect(budget.spent).toBe(0);
  });
});
