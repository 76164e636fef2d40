import { describe, expect, it } from 'vitest';
import { progressCounts, progressLabel } from './progress';

describe('progress label (DOS-4)', () => {
  it('shows (x/y)', () => {
    const steps = [
      { title: 'a', done: true },
      { title: 'b', done: false },
    ];
    expect(progressLabel('Voortgang', { done: 4, total: 10, steps })).toBe('Voortgang (4/10)');
  });

  it('shows (0/0) without a progress list', () => {
    expect(progressLabel('Voortgang', null)).toBe('Voortgang (0/0)');
    expect(progressLabel('Progress', undefined)).toBe('Progress (0/0)');
  });

  it('falls back to counting the steps', () => {
    const progress = { steps: [{ title: 'a', done: true }, { title: 'b', done: false }] } as never;
    expect(progressCounts(progress)).toEqual({ done: 1, total: 2 });
  });
});
