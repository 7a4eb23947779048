/** The part of a dedicated worker's global scope Parallax's workers use (the pages' types describe a window). */
export interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}
