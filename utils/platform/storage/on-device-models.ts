import { storage } from 'wxt/utils/storage';
import type { ModelRef } from '../../core/on-device/webllm-records';

/**
 * Custom on-device models the user downloaded (addresses, kind, the integrity hash they gave), so the cache
 * manager lists them — with their disk use and a delete — even when no setting points at them any more.
 */
export const customOnDeviceModelsItem = storage.defineItem<ModelRef[]>('local:onDeviceCustomModels', { fallback: [], version: 1 });
