import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { outcomeOf } from './bot-metrics.js';

describe('outcomeOf', () => {
  it('counts a UserError as a refusal with its code', () => {
    expect(outcomeOf(new UserError('RATE_LIMITED', 'Slow down.'))).toEqual({
      outcome: 'refused',
      reason: 'RATE_LIMITED',
    });
  });

  it('counts anything else as a failure, without its message', () => {
    expect(outcomeOf(new Error('socket hang up https://example.com/secret'))).toEqual({ outcome: 'failed' });
    expect(outcomeOf('a string')).toEqual({ outcome: 'failed' });
  });
});
