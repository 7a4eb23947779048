import { describe, expect, test } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { saveComparison } from '@/utils/platform/db/comparisons';
import { queryHistory } from '@/utils/platform/db/history';
import { applyRetention } from '@/utils/platform/db/retention';
import { planComparison } from '@/utils/core/runner/plan';

const DAY = 86_400_000;

describe('retention', () => {
  test('deletes only comparisons older than the period, with their runs; forever deletes nothing', async () => {
    const db = new ParallaxDB('retention-1');
    const now = 100 * DAY;
    let i = 0;
    const providers = [{ id: 'p', kind: 'openai-compatible' as const, label: 'P', baseUrl: 'http://x', model: 'm' }];
    for (const [prompt, age] of [
      ['old', 40],
      ['recent', 10],
      ['today', 0],
    ] as const) {
      const p = planComparison({ prompt, source: { kind: 'panel' }, providers, now: now - age * DAY, newId: () => `r-${++i}` });
      await saveComparison(db, p.comparison, p.runs);
    }
    expect(await applyRetention(db, null, now)).toBe(0);
    expect(await applyRetention(db, 30, now)).toBe(1);
    expect((await queryHistory(db)).comparisons.map((c) => c.prompt)).toEqual(['today', 'recent']);
    expect(await db.runs.count()).toBe(2);
    expect((await queryHistory(db, { text: 'old' })).total).toBe(0);
  });
});
