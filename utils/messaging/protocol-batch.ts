import type { Validator } from './validate';

/** Messages of batches (probe sets and surveys): start, pause, resume, cancel. Part of the one {@link ProtocolMap}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BatchMessages {}

/** Which role may send each of these messages. */
export const BATCH_ROLES: { [K in keyof BatchMessages]: BatchMessages[K] extends { from: infer F } ? F : never } = {};

/** Payload validators of these messages. */
export const BATCH_VALIDATORS: { [K in keyof BatchMessages]: Validator } = {};
