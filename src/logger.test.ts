import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('redacts keys and tokens wherever a logged object carries them', () => {
    const lines: string[] = [];
    const logger = createLogger('info', {}, { write: (line: string) => void lines.push(line) });
    logger.info(
      {
        apiKey: 'sk-ant-secret-1',
        options: { apiKey: 'sk-ant-secret-2', token: 'discord-secret-3' },
        request: { headers: { authorization: 'Bearer secret-4', 'x-api-key': 'secret-5' } },
        config: { discord: { token: 'secret-6' }, anthropic: { apiKey: 'secret-7' } },
      },
      'configured',
    );
    const output = lines.join('');
    expect(output).toContain('[redacted]');
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(output).not.toContain(`secret-${n}`);
  });
});
