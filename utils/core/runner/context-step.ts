import { languageName } from '../translate/languages';
import type { Translator } from '../translate/translator';
import type { ChatMessage } from '../providers/types';
import { TranslationFailed, type LanguagePlan } from './translate-step';
import type { Comparison } from './types';

/** A previous turn of the conversation, as sent before the prompt. */
export type ContextMessage = ChatMessage & { role: 'user' | 'assistant' };

/** The turns a comparison sends before its prompt: the last `contextSent` of its context (none by default). */
export function contextToSend(comparison: Pick<Comparison, 'context' | 'contextSent'>): ContextMessage[] {
  const count = comparison.contextSent ?? 0;
  if (count <= 0 || !comparison.context?.length) return [];
  return comparison.context.slice(-count).map((t) => ({ role: t.role, content: t.content }));
}

/**
 * Puts the context turns into the run's language along with the prompt, so the model sees one conversation in
 * one language. Without a translator (the user typed the prompt's translation) the turns go as written.
 */
export async function translateContext(
  turns: readonly ContextMessage[],
  plan: LanguagePlan,
  translator: Translator | undefined,
  signal: AbortSignal,
): Promise<ContextMessage[]> {
  if (!turns.length || !plan.translate || !plan.target || !translator) return [...turns];
  const target = plan.target;
  const out: ContextMessage[] = [];
  for (const turn of turns) {
    let content: string;
    try {
      content = (await translator.translate(turn.content, plan.source, target, signal)).trim();
    } catch (err) {
      if (signal.aborted) throw err;
      throw new TranslationFailed(
        `Could not translate the conversation before the prompt into ${languageName(target)} with ${translator.label}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    out.push({ role: turn.role, content: content || turn.content });
  }
  return out;
}
