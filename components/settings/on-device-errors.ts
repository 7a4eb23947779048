import { t, type MessageKey } from '@/utils/core/i18n';

/** An on-device failure as the engine reports it: its code, its English message, what to pick instead. */
export interface OnDeviceFailure {
  code?: string;
  error: string;
  suggestion?: string;
  detail?: string;
}

const MESSAGES: Partial<Record<string, MessageKey>> = {
  incompatible: 'odErrIncompatible',
  library_changed: 'odErrLibraryChanged',
  integrity: 'odErrIntegrity',
  no_webgpu: 'odErrNoWebGpu',
  out_of_memory: 'odErrOutOfMemory',
  quota: 'odErrQuota',
  device_lost: 'odErrDeviceLost',
  damaged: 'odErrDamaged',
  download_failed: 'odErrDownloadFailed',
  insecure_url: 'odErrInsecureUrl',
};

/** Codes whose raw browser error helps (which file, which status): shown after the message. */
const WITH_DETAIL = new Set(['damaged', 'download_failed']);

/** The failure in the UI's language (the engine's English message when the code is not one of these). */
export function onDeviceFailureText(failure: OnDeviceFailure): string {
  if (failure.code === 'no_shader_f16') return failure.suggestion ? t('odErrNoShaderF16Alt', failure.suggestion) : t('odErrNoShaderF16');
  const key = failure.code ? MESSAGES[failure.code] : undefined;
  if (!key) return failure.error;
  return t(key) + (failure.detail && WITH_DETAIL.has(failure.code!) ? t('odDetails', failure.detail) : '');
}
