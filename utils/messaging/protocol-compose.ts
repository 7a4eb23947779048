import type { Validator } from './validate';

/** Messages that compose a comparison from extension pages: languages, translations, axes. Part of the one {@link ProtocolMap}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ComposeMessages {}

/** Which role may send each of these messages. */
export const COMPOSE_ROLES: { [K in keyof ComposeMessages]: ComposeMessages[K] extends { from: infer F } ? F : never } = {};

/** Payload validators of these messages. */
export const COMPOSE_VALIDATORS: { [K in keyof ComposeMessages]: Validator } = {};
