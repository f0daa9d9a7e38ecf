import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, EnvSchema, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config.engine).toBe('auto');
    expect(config.store).toBe('sqlite://data/sitrep.sqlite');
    expect(config.anthropic.apiKey).toBeUndefined();
    expect(config.anthropic.model).toBe('claude-haiku-4-5');
    expect(config.fetch.allowLoopback).toBe(false);
  });

  it('names the variable and what it expects when a value is invalid', () => {
    expect(() => parseConfig({ SITREP_ENGINE: 'gpt' })).toThrow(ConfigError);
    expect(() => parseConfig({ SITREP_ENGINE: 'gpt' })).toThrow(/SITREP_ENGINE: .*"auto"/);
    expect(() => parseConfig({ SITREP_STORE: 'mysql://x' })).toThrow(
      /SITREP_STORE: a sqlite:\/\/path or redis:\/\/ URL/,
    );
    expect(() => parseConfig({ SITREP_FETCH_TIMEOUT_MS: 'soon' })).toThrow(/SITREP_FETCH_TIMEOUT_MS/);
  });

  it('refuses the loopback test switch outside NODE_ENV=test', () => {
    expect(() => parseConfig({ SITREP_TEST_ALLOW_LOOPBACK: '1' })).toThrow(/only allowed when NODE_ENV=test/);
    expect(() => parseConfig({ SITREP_TEST_ALLOW_LOOPBACK: '1', NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(parseConfig({ SITREP_TEST_ALLOW_LOOPBACK: '1', NODE_ENV: 'test' }).fetch.allowLoopback).toBe(true);
  });

  it('leaves health and metrics off unless a port is set, and listens on 127.0.0.1 by default', () => {
    expect(parseConfig({}).metrics).toEqual({ port: undefined, host: '127.0.0.1' });
    expect(parseConfig({ SITREP_METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(parseConfig({ SITREP_METRICS_PORT: '0', SITREP_METRICS_HOST: '::' }).metrics).toEqual({
      port: 0,
      host: '::',
    });
    expect(() => parseConfig({ SITREP_METRICS_PORT: '70000' })).toThrow(/SITREP_METRICS_PORT/);
    expect(() => parseConfig({ SITREP_METRICS_HOST: 'http://0.0.0.0' })).toThrow(
      /SITREP_METRICS_HOST: an IP address or host name/,
    );
  });

  it('treats an empty key in .env as unset', () => {
    expect(parseConfig({ ANTHROPIC_API_KEY: '' }).anthropic.apiKey).toBeUndefined();
  });
});

describe('documentation of settings', () => {
  const variables = Object.keys(EnvSchema.shape);

  it('.env.example lists every variable', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const name of variables) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('the README settings table lists every variable', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const tableRows = readme.split('\n').filter((line) => line.startsWith('| `'));
    for (const name of variables)
      expect(tableRows.some((row) => row.split('|')[1]?.includes(`\`${name}\``))).toBe(true);
  });
});
