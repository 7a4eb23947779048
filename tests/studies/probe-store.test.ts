import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteUserSet, importUserSets, saveUserSet, userProbeSetsItem } from '@/utils/platform/storage/probe-store';
import { BUILT_IN_PROBE_SETS } from '@/utils/core/probes/sets';
import { exportProbeSets } from '@/utils/core/probes/validate';
import { pair } from './fixtures';

beforeEach(() => fakeBrowser.reset());

describe('own probe sets in storage.local', () => {
  test('a set is saved, replaced under the same id when edited, and deleted', async () => {
    await saveUserSet(pair);
    await saveUserSet({ ...pair, name: 'Pair, edited' }, 'pair');
    expect((await userProbeSetsItem.getValue()).map((s) => s.name)).toEqual(['Pair, edited']);
    await deleteUserSet('pair');
    expect(await userProbeSetsItem.getValue()).toEqual([]);
  });

  test.each([
    [{ ...pair, id: BUILT_IN_PROBE_SETS[0]!.id }, 'is the id of a built-in set'],
    [{ ...pair, prompts: [] }, 'prompts must be a non-empty list'],
    [{ ...pair, purpose: 'two\nlines' }, 'purpose must be a single line'],
  ])('a set that cannot be kept is refused with the reason: %#', async (raw, reason) => {
    await expect(saveUserSet(raw)).rejects.toThrow(reason);
    expect(await userProbeSetsItem.getValue()).toEqual([]);
  });

  test('a new set may not take the id of one already kept', async () => {
    await saveUserSet(pair);
    await expect(saveUserSet({ ...pair, name: 'Other' })).rejects.toThrow('You already have a set with the id "pair"');
  });

  test('an exported file imports again; ids already kept are reported, the rest added', async () => {
    const other = { ...pair, id: 'other', name: 'Other' };
    await saveUserSet(pair);
    const result = await importUserSets(exportProbeSets([pair, other]));
    expect(result.added.map((s) => s.id)).toEqual(['other']);
    expect(result.errors).toEqual(['set "pair" is already in your sets; delete or rename it first']);
    expect((await userProbeSetsItem.getValue()).map((s) => s.id)).toEqual(['pair', 'other']);
  });
});
