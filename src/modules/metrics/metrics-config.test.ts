import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) did not throw`);
}

describe('METRICS_PORT and METRICS_TOKEN', () => {
  it('leave /metrics off by default', () => {
    expect(loadConfig({})).toMatchObject({ metricsPort: undefined, metricsToken: undefined });
  });

  it('read a port of its own and a token', () => {
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: 'a-long-scrape-token-1234' })).toMatchObject({
      metricsPort: 9464,
      metricsToken: 'a-long-scrape-token-1234',
    });
  });

  it('refuse the web port, a port out of range and a short token, without repeating the token', () => {
    expect(configError({ PORT: '8080', METRICS_PORT: '8080' }).message).toContain('other than PORT (8080)');
    expect(configError({ METRICS_PORT: '0' }).message).toContain('METRICS_PORT');
    expect(configError({ METRICS_PORT: '70000' }).message).toContain('METRICS_PORT');
    const short = configError({ METRICS_TOKEN: 'short-secret' });
    expect(short.message).toContain('METRICS_TOKEN');
    expect(short.message).not.toContain('short-secret');
  });
});
