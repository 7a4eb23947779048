import { describe, expect, test } from 'vitest';
import { sitePatternFromInput } from '@/utils/platform/storage/settings';

describe('sitePatternFromInput', () => {
  test.each([
    ['http://127.0.0.1:8080/chat', 'http://127.0.0.1/*'],
    ['chat.example.com', 'https://chat.example.com/*'],
    ['  https://chat.example.com/c/123?x=1  ', 'https://chat.example.com/*'],
    ['HTTP://LOCALHOST:3000', 'http://localhost/*'],
    ['', null],
    ['ftp://files.example.com', null],
    ['javascript:alert(1)', null],
    ['http://', null],
  ])('%j → %j', (input, pattern) => {
    expect(sitePatternFromInput(input)).toBe(pattern);
  });
});
