/** Prompts longer than this are refused at the door; within it the runner fits them to each target. */
export const MAX_PROMPT_CHARS = 1_000_000;
