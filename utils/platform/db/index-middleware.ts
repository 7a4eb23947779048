/**
 * Keeps the history index (the `search` table) in step with comparisons and runs, in one place: a Dexie DBCore
 * middleware that re-indexes the comparisons a write touched, in the same transaction when it includes `search`,
 * else right after it commits. Streaming checkpoints (a run still translating or streaming) are not indexed: the
 * index learns an answer once it is final, and learns new, changed and deleted comparisons at once.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Comparison, Run } from '../../core/runner/types';
import { searchEntry } from './search-index';

/** Transactions whose writer indexes in bulk itself (an import): the middleware leaves them alone. */
const bulkIndexed = new WeakSet<object>();

/** Marks a Dexie transaction as indexing its own writes (call with `Dexie.currentTransaction` inside it). */
export function indexesItself(transaction: { idbtrans: object } | null | undefined): void {
  if (transaction) bulkIndexed.add(transaction.idbtrans);
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- Dexie's DBCoreRangeType is a const enum, which isolated modules cannot import as a value: 1 is its Equal.
const equal = (value: string): DBCoreKeyRange => ({ type: 1 /* DBCoreRangeType.Equal */, lower: value, upper: value });

/**
 * Comparison ids a mutation touches, or none for a checkpoint. Synchronous on purpose: nothing may be awaited
 * before the write goes down the stack, or Dexie's transaction zone is lost. (A run is deleted only with its
 * comparison, whose deletion removes the entry.)
 */
function touched(table: DBCoreTable, req: DBCoreMutateRequest): string[] {
  if (req.type === 'deleteRange') return [];
  if (table.name === 'comparisons') return req.type === 'delete' ? (req.keys as string[]) : (req.values as Comparison[]).map((c) => c.id);
  if (req.type === 'delete') return [];
  return (req.values as Run[]).filter((r) => r.state !== 'streaming' && r.state !== 'translating').map((r) => r.comparisonId);
}

/** Runs steps one after the other, each from the previous one's Dexie promise (so the transaction zone carries). */
function inOrder(steps: (() => Promise<unknown> | undefined)[]): Promise<unknown> | undefined {
  return steps.reduce<Promise<unknown> | undefined>((chain, step) => (chain ? chain.then(step) : step()), undefined);
}

/**
 * Rebuilds the index entries of `ids` inside `trans` (which must include comparisons, runs and search). Written as
 * chains of Dexie's own promises, never `await`: the layers below read the transaction from Dexie's zone.
 */
function reindexIn(core: DBCore, trans: DBCoreTransaction, ids: string[]): Promise<unknown> {
  const runs = core.table('runs');
  const search = core.table('search');
  const byRun = runs.schema.getIndexByKeyPath('comparisonId')!;
  const bySearch = search.schema.getIndexByKeyPath('comparisonId')!;
  const entries: ReturnType<typeof searchEntry>[] = [];
  return core
    .table('comparisons')
    .getMany({ trans, keys: ids })
    .then((found: (Comparison | undefined)[]) =>
      inOrder([
        ...ids.map((id, i) => {
          const comparison = found[i];
          return comparison
            ? () =>
                runs
                  .query({ trans, values: true, query: { index: byRun, range: equal(id) } })
                  .then((r) => void entries.push(searchEntry(comparison, r.result as Run[])))
            : () =>
                search
                  .query({ trans, values: false, query: { index: bySearch, range: equal(id) } })
                  .then((keys) => (keys.result.length ? search.mutate({ trans, type: 'delete', keys: keys.result }) : undefined));
        }),
        // A comparison's key never changes (createdAt is fixed), so put replaces its entry.
        () => (entries.length ? search.mutate({ trans, type: 'put', values: entries }) : undefined),
      ]),
    );
}

/**
 * The middleware. `later` re-indexes comparisons written by a transaction that did not include the index (it runs
 * in its own transaction after the first one commits).
 */
export function searchIndexMiddleware(later: (ids: string[]) => void): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'parallax-search-index',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'comparisons' && name !== 'runs') return table;
          return {
            ...table,
            mutate(req) {
              const idb = req.trans as unknown as IDBTransaction;
              const ids = bulkIndexed.has(idb) ? [] : [...new Set(touched(table, req))];
              if (!ids.length) return table.mutate(req);
              const inScope = ['search', 'comparisons', 'runs'].every((store) => idb.objectStoreNames.contains(store));
              if (!inScope) idb.addEventListener('complete', () => later(ids));
              return table.mutate(req).then((result) => (inScope ? reindexIn(down, req.trans, ids).then(() => result) : result));
            },
          };
        },
      };
    },
  };
}
