import 'fake-indexeddb/auto';

// The extension's i18n is absent in unit tests: English messages stand in (as Chrome's default locale does).
import enMessages from '../public/_locales/en/messages.json';
import { FALLBACK_MESSAGES } from '@/utils/core/i18n';
(globalThis as Record<symbol, unknown>)[FALLBACK_MESSAGES] = enMessages;
