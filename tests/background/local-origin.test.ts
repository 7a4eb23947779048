import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FIRST_RULE_ID,
  MAX_RULES,
  TRIAL_RULE_ID,
  allowLocalOriginForTrial,
  localEndpointOrigins,
  localOriginRules,
  syncLocalOriginRules,
  type OriginRule,
} from '@/utils/platform/background/local-origin';
import type { ProviderConfig, ProviderKind } from '@/utils/core/providers/types';
import { DEFAULT_SETTINGS } from '@/utils/platform/storage/settings';

let n = 0;
const endpoint = (baseUrl: string, kind: ProviderKind = 'openai-compatible'): ProviderConfig => ({ id: `p${++n}`, kind, label: baseUrl, baseUrl, model: 'm' });

/** A double of chrome.declarativeNetRequest's dynamic rules: atomic updates, duplicate ids rejected. */
class FakeDynamicRules {
  rules: { id: number }[] = [{ id: 1 }]; // a rule someone else owns
  updates = 0;
  async getDynamicRules() {
    await Promise.resolve();
    return this.rules.map((r) => ({ ...r }));
  }
  async updateDynamicRules({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: OriginRule[] }) {
    await Promise.resolve();
    const kept = this.rules.filter((r) => !removeRuleIds.includes(r.id));
    for (const rule of addRules) {
      if (kept.some((r) => r.id === rule.id)) throw new Error(`Rule with id ${rule.id} does not have a unique ID.`);
      kept.push(rule);
    }
    this.rules = kept;
    this.updates++;
  }
  /** URL filters of the rules this extension's local-origin code owns. */
  filters() {
    return (this.rules as Partial<OriginRule>[]).filter((r) => r.condition).map((r) => r.condition!.urlFilter);
  }
}

describe('which endpoints get a rule', () => {
  test.each([
    [['http://localhost:11434/v1'], ['http://localhost:11434']],
    [['http://127.0.0.1:1234/v1', 'http://127.0.0.1:1234/other'], ['http://127.0.0.1:1234']], // one origin, one rule
    [
      ['http://127.0.0.1:1234/v1', 'http://127.0.0.1:8080/v1'],
      ['http://127.0.0.1:1234', 'http://127.0.0.1:8080'],
    ],
    [['http://[::1]:11434/v1'], ['http://[::1]:11434']],
    [['http://192.168.1.20:11434/v1'], ['http://192.168.1.20:11434']],
    [['http://gpu-box.local:11434/v1'], ['http://gpu-box.local:11434']],
    [['https://api.openai.com/v1', 'https://openrouter.ai/api/v1'], []],
    [['not a url'], []],
  ])('%j → %j', (urls, origins) => {
    expect(localEndpointOrigins(urls.map((u) => endpoint(u)))).toEqual(origins);
  });

  test('on-device engines are not endpoints, whatever their base URL', () => {
    expect(localEndpointOrigins([endpoint('http://127.0.0.1:9000/weights/', 'webllm'), endpoint('', 'chrome-builtin')])).toEqual([]);
  });
});

describe('the rules', () => {
  test('remove the Origin header from this extension’s requests to that origin only', () => {
    const [rule] = localOriginRules([endpoint('http://localhost:11434/v1')], 'abcdefghijklmnop');
    expect(rule).toEqual({
      id: FIRST_RULE_ID,
      priority: 1,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
      condition: { urlFilter: '|http://localhost:11434/', initiatorDomains: ['abcdefghijklmnop'], resourceTypes: ['xmlhttprequest', 'other'] },
    });
  });

  test('ids are distinct, in this module’s range, and capped', () => {
    const many = Array.from({ length: MAX_RULES + 20 }, (_, i) => endpoint(`http://127.0.0.1:${1000 + i}/v1`));
    const ids = localOriginRules(many, 'x').map((r) => r.id);
    expect(ids).toHaveLength(MAX_RULES);
    expect(new Set(ids).size).toBe(MAX_RULES);
    expect(Math.min(...ids)).toBe(FIRST_RULE_ID);
    expect(Math.max(...ids)).toBe(FIRST_RULE_ID + MAX_RULES - 1);
  });
});

describe('syncLocalOriginRules', () => {
  const settings = (...urls: string[]) => ({ ...DEFAULT_SETTINGS, providers: urls.map((u) => endpoint(u)) });

  test('follows the settings: added, changed and removed endpoints; rules it does not own are left alone', async () => {
    const dnr = new FakeDynamicRules();
    expect(await syncLocalOriginRules(settings('http://localhost:11434/v1', 'https://api.openai.com/v1'), dnr)).toEqual(['http://localhost:11434']);
    expect(dnr.filters()).toEqual(['|http://localhost:11434/']);
    const rule = dnr.rules.find((r) => r.id === FIRST_RULE_ID) as OriginRule;
    expect(rule.condition.initiatorDomains).toEqual([fakeBrowser.runtime.id]);

    await syncLocalOriginRules(settings('http://192.168.1.20:11434/v1', 'http://127.0.0.1:1234/v1'), dnr);
    expect(dnr.filters()).toEqual(['|http://192.168.1.20:11434/', '|http://127.0.0.1:1234/']);

    await syncLocalOriginRules(settings(), dnr);
    expect(dnr.filters()).toEqual([]);
    expect(dnr.rules).toEqual([{ id: 1 }]);
  });

  test('settings changing in quick succession end with the last settings, without duplicate-id failures', async () => {
    const dnr = new FakeDynamicRules();
    const results = await Promise.allSettled([
      syncLocalOriginRules(settings('http://localhost:1/v1'), dnr),
      syncLocalOriginRules(settings('http://localhost:2/v1', 'http://localhost:3/v1'), dnr),
      syncLocalOriginRules(settings('http://localhost:4/v1'), dnr),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(dnr.filters()).toEqual(['|http://localhost:4/']);
  });

  test('a failed update does not block the next one', async () => {
    const dnr = new FakeDynamicRules();
    const broken = { getDynamicRules: async () => Promise.reject(new Error('boom')), updateDynamicRules: async () => undefined };
    await expect(syncLocalOriginRules(settings('http://localhost:1/v1'), broken)).rejects.toThrow('boom');
    await syncLocalOriginRules(settings('http://localhost:2/v1'), dnr);
    expect(dnr.filters()).toEqual(['|http://localhost:2/']);
  });

  test('without declarativeNetRequest (Firefox) it does nothing and covers nothing', async () => {
    expect(await syncLocalOriginRules(settings('http://localhost:11434/v1'), null)).toEqual([]);
  });
});

describe('a local server tried before it is saved ("Test connection")', () => {
  test('gets one session rule, replaced by the next trial, outside the saved endpoints’ rule ids', async () => {
    const updates: { removeRuleIds?: number[]; addRules?: OriginRule[] }[] = [];
    const session = { updateSessionRules: async (u: (typeof updates)[number]) => void updates.push(u) };
    await allowLocalOriginForTrial('http://127.0.0.1:1234', session);
    await allowLocalOriginForTrial('http://localhost:11434', session);
    expect(TRIAL_RULE_ID).toBeGreaterThanOrEqual(FIRST_RULE_ID + MAX_RULES);
    expect(updates.map((u) => [u.removeRuleIds, u.addRules!.map((r) => [r.id, r.condition.urlFilter, r.action.requestHeaders])])).toEqual([
      [[TRIAL_RULE_ID], [[TRIAL_RULE_ID, '|http://127.0.0.1:1234/', [{ header: 'origin', operation: 'remove' }]]]],
      [[TRIAL_RULE_ID], [[TRIAL_RULE_ID, '|http://localhost:11434/', [{ header: 'origin', operation: 'remove' }]]]],
    ]);
  });

  test('without declarativeNetRequest (Firefox) it does nothing', async () => {
    await expect(allowLocalOriginForTrial('http://127.0.0.1:1234', null)).resolves.toBeUndefined();
  });
});
