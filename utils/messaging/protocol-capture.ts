import type { Validator } from './validate';

/** Messages of capture on chat sites (content script → background): answers, undo, selector health. Part of the one {@link ProtocolMap}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CaptureMessages {}

/** Which role may send each of these messages. */
export const CAPTURE_ROLES: { [K in keyof CaptureMessages]: CaptureMessages[K] extends { from: infer F } ? F : never } = {};

/** Payload validators of these messages. */
export const CAPTURE_VALIDATORS: { [K in keyof CaptureMessages]: Validator } = {};
