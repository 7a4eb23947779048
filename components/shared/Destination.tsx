import { destinationOf, remoteHosts, staysOnDevice, type EndpointAddress } from '@/utils/core/providers/destination';
import { listOf, t } from '@/utils/core/i18n';

/**
 * Where a prompt to these endpoints goes, in one line: "Asked on this device", "Sent to api.openai.com and
 * api.anthropic.com", or "Sent to api.openai.com; the rest stays on this device". Nothing for no endpoints, or
 * when one's address is unknown.
 */
function destinationText(endpoints: readonly EndpointAddress[]): string | null {
  // Nothing rather than a guess when an endpoint's address is unknown.
  if (!endpoints.length || endpoints.some((e) => destinationOf(e).host === '')) return null;
  const hosts = remoteHosts(endpoints);
  if (!hosts.length) return t('askedOnDevice');
  return endpoints.some(staysOnDevice) ? t('sentToHostsRest', listOf(hosts)) : t('sentToHosts', listOf(hosts));
}

/** {@link destinationText} as a small line, marked local or remote for its colour. */
export function Destination({ endpoints, testId }: { endpoints: readonly EndpointAddress[]; testId?: string }) {
  const text = destinationText(endpoints);
  if (!text) return null;
  const remote = remoteHosts(endpoints).length > 0;
  return (
    <span class={`destination ${remote ? 'remote' : 'local'}`} data-testid={testId}>
      {text}
    </span>
  );
}

/** One endpoint's destination as a short tag: "on this device" or "to api.openai.com". */
export function destinationTag(endpoint: EndpointAddress): string {
  const where = destinationOf(endpoint);
  return where.onDevice ? t('destOnDevice') : t('destTo', where.host);
}
