/**
 * What a chat page can make Parallax do on its own: prompts are picked up only from the user's own key presses and
 * clicks (see utils/platform/capture/submit.ts), and even then at most {@link CAPTURE_RATE} per tab, and a very long
 * prompt is kept but not asked until the user confirms it in the panel.
 */

/** At most this many prompts picked up per tab within the window; past it, captures are refused with a notice. */
export const CAPTURE_RATE = { max: 6, windowMs: 60_000 } as const;

/** A picked-up prompt longer than this is kept with its runs held for the user to confirm (≈ 25,000 tokens). */
export const MAX_CAPTURED_PROMPT_CHARS = 100_000;

/** Result of asking a {@link RateLimiter} for one more. */
type RateDecision = { ok: true } | { ok: false; retryInMs: number; first: boolean };

/** A sliding-window limit per key (a tab). */
export interface RateLimiter {
  /** Takes one slot for `key` at `now`, or says how long until one frees up (`first`: the first refusal in this run of refusals). */
  take(key: string | number, now: number): RateDecision;
}

/** At most `max` takes per key in any `windowMs`. Synchronous, so two messages arriving together cannot both slip in. */
export function slidingWindowLimiter({ max, windowMs }: { max: number; windowMs: number }): RateLimiter {
  const taken = new Map<string | number, { at: number[]; refused: boolean }>();
  return {
    take(key, now) {
      // Forget keys (closed tabs) with nothing in the window.
      for (const [k, v] of taken) if (k !== key && (v.at.at(-1) ?? -Infinity) <= now - windowMs) taken.delete(k);
      const entry = taken.get(key) ?? { at: [], refused: false };
      entry.at = entry.at.filter((t) => t > now - windowMs);
      taken.set(key, entry);
      if (entry.at.length >= max) {
        const first = !entry.refused;
        entry.refused = true;
        return { ok: false, retryInMs: entry.at[0]! + windowMs - now, first };
      }
      entry.refused = false;
      entry.at.push(now);
      return { ok: true };
    },
  };
}
