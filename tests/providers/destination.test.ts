import { describe, expect, test } from 'vitest';
import { destinationOf, isLoopbackHostname, remoteHosts, staysOnDevice } from '@/utils/core/providers/destination';

describe('isLoopbackHostname: names that reach this computer itself', () => {
  test.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['ollama.localhost', true],
    ['127.0.0.1', true],
    ['127.4.5.6', true],
    ['[::1]', true],
    ['::1', true],
    ['0.0.0.0', true],
    ['[::ffff:7f00:1]', true], // ::ffff:127.0.0.1 as the URL parser writes it
    ['::ffff:127.0.0.1', true],
    // Other machines, even on the user's own network, are not this device.
    ['192.168.1.20', false],
    ['10.0.0.5', false],
    ['[fd12:3456::1]', false],
    ['[::ffff:c0a8:114]', false],
    ['desktop', false],
    ['gpu-box.local', false],
    ['api.openai.com', false],
    ['localhost.example.com', false],
    ['128.0.0.1', false],
    ['', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHostname(host)).toBe(loopback);
  });
});

describe('destinationOf: where a prompt to an endpoint goes', () => {
  test.each([
    [{ kind: 'webllm', baseUrl: 'https://huggingface.co/mlc-ai/x' }, { onDevice: true }],
    [{ kind: 'chrome-builtin', baseUrl: '' }, { onDevice: true }],
    [
      { kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1' },
      { onDevice: true, host: 'localhost:11434' },
    ],
    [
      { kind: 'openai-compatible', baseUrl: 'http://127.1:1234/v1' },
      { onDevice: true, host: '127.0.0.1:1234' },
    ],
    [
      { kind: 'openai-compatible', baseUrl: 'http://[::1]:8080/v1' },
      { onDevice: true, host: '[::1]:8080' },
    ],
    [
      { kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1' },
      { onDevice: false, host: 'api.openai.com' },
    ],
    [
      { kind: 'anthropic', baseUrl: 'https://api.anthropic.com/v1' },
      { onDevice: false, host: 'api.anthropic.com' },
    ],
    [
      { kind: 'openai-compatible', baseUrl: 'http://192.168.1.20:11434/v1' },
      { onDevice: false, host: '192.168.1.20:11434' },
    ],
    [
      { kind: 'openai-compatible', baseUrl: 'not a url' },
      { onDevice: false, host: 'not a url' },
    ],
    [
      { kind: 'openai-compatible', baseUrl: '' },
      { onDevice: false, host: '' },
    ],
  ])('%o → %o', (endpoint, where) => {
    expect(destinationOf(endpoint)).toEqual(where);
    expect(staysOnDevice(endpoint)).toBe(where.onDevice);
  });

  test('remoteHosts lists each host once, in order, and nothing for on-device endpoints', () => {
    const endpoints = [
      { kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1' },
      { kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1' },
      { kind: 'anthropic', baseUrl: 'https://api.anthropic.com/v1' },
      { kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1/' },
      { kind: 'webllm' },
    ];
    expect(remoteHosts(endpoints)).toEqual(['api.openai.com', 'api.anthropic.com']);
    expect(remoteHosts(endpoints.filter(staysOnDevice))).toEqual([]);
  });
});
