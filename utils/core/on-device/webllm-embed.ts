/**
 * Embeds answers with a model whose context window is small (512 tokens for snowflake-arctic-embed): a text
 * too long for it is shortened to fit — its opening part stands for it — instead of failing the whole measure.
 */

/** Longest text ever sent (characters); well past 512 tokens in any script. */
const MAX_CHARS = 4_000;

/** WebLLM's EmbeddingExceedContextWindowSizeError: "…only supports up to 512 context size.However, an input … has size 700." */
function overflow(err: unknown): { limit: number; size: number } | null {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  const m = /up to (\d+) context size.*has size (\d+)/is.exec(text);
  return m ? { limit: Number(m[1]), size: Number(m[2]) } : null;
}

/** The first `length` UTF-16 units, never ending inside a surrogate pair. */
function cut(text: string, length: number): string {
  const end = Math.max(1, Math.min(text.length, length));
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/**
 * One vector per text, in order. Tries all texts at once; when one is too long for the model, embeds them one
 * by one, shortening a text that overflows in proportion to how far it overflowed, until it fits.
 */
export async function embedFitting(embed: (input: string[]) => Promise<number[][]>, texts: string[]): Promise<number[][]> {
  const limited = texts.map((t) => cut(t, MAX_CHARS));
  try {
    return await embed(limited);
  } catch (err) {
    if (!overflow(err)) throw err;
  }
  const vectors: number[][] = [];
  for (let text of limited) {
    for (let attempt = 0; ; attempt++) {
      try {
        const [vector] = await embed([text]);
        if (!vector) throw new Error('The embedding model returned no vector.');
        vectors.push(vector);
        break;
      } catch (err) {
        const over = overflow(err);
        if (!over || attempt >= 8 || text.length <= 1) throw err;
        text = cut(text, Math.floor((text.length * over.limit * 0.9) / over.size));
      }
    }
  }
  return vectors;
}
