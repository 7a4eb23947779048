/** A framing of the question as a third axis (country persona or system prompt). */
export interface PersonaSpec {
  id: string;
  label: string;
  systemPrompt: string;
}

/** The countries of the built-in personas, spread over continents, languages and the cultural maps in RESEARCH.md §5. */
const COUNTRIES: readonly { id: string; name: string }[] = [
  { id: 'us', name: 'the United States' },
  { id: 'de', name: 'Germany' },
  { id: 'jp', name: 'Japan' },
  { id: 'cn', name: 'China' },
  { id: 'in', name: 'India' },
  { id: 'br', name: 'Brazil' },
  { id: 'ng', name: 'Nigeria' },
  { id: 'eg', name: 'Egypt' },
  { id: 'id', name: 'Indonesia' },
  { id: 'se', name: 'Sweden' },
];

/** Short names for labels ("Japan", "United States"). */
const label = (name: string) => name.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase());

/**
 * Cross-national framing: the model is asked to answer as a typical person from one country would. Written for
 * Parallax in English (the literature frames personas in English; the prompt itself may be translated).
 */
export const COUNTRY_PERSONAS: readonly PersonaSpec[] = COUNTRIES.map(({ id, name }) => ({
  id: `country-${id}`,
  label: label(name),
  systemPrompt:
    `Answer as a typical person from ${name} would. Give the view, reasons and priorities most people living in ` +
    `${name} today would give, in the first person, without saying that you are taking on a role.`,
}));

/** A persona the user wrote: a system prompt with a name. Ids are prefixed so they never clash with built-in ones. */
export function customPersona(label: string, systemPrompt: string, newId: () => string = () => crypto.randomUUID()): PersonaSpec {
  const name = label.trim() || systemPrompt.trim().slice(0, 40);
  return { id: `custom-${newId()}`, label: name, systemPrompt: systemPrompt.trim() };
}
