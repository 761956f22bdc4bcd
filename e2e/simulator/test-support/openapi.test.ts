import { describe, expect, it } from 'vitest';
import { loadOpenApiContract, OPENAPI_ABSENT_MESSAGE } from './openapi';

describe('the OpenAPI contract checker', () => {
  it('finds templates and rejects answers that break the schema', (context) => {
    const contract = loadOpenApiContract();
    context.skip(contract === null, OPENAPI_ABSENT_MESSAGE);
    if (!contract) return;
    expect(contract.templateFor('PUT', '/api/v1/crates/new')).toBe('/api/v1/crates/new');
    expect(contract.templateFor('GET', '/api/v1/crates/foo/owners')).toBe(
      '/api/v1/crates/{name}/owners',
    );
    expect(contract.templateFor('GET', '/index/config.json')).toBeUndefined();
    const template = '/api/v1/me/tokens';
    expect(contract.check('GET', template, 200, '{"api_tokens":[]}')).toEqual([]);
    const noCreatedAt = '{"api_tokens":[{"id":1,"name":"x"}]}';
    expect(contract.check('GET', template, 200, noCreatedAt).join()).toMatch(/created_at/);
    const badScope =
      '{"api_tokens":[{"id":1,"name":"x","created_at":"2020-01-01T00:00:00Z","endpoint_scopes":["admin"]}]}';
    expect(contract.check('GET', template, 200, badScope)).not.toEqual([]);
    expect(contract.check('GET', template, 403, '{"errors":[{"detail":"no"}]}')).toEqual([]);
    expect(contract.check('GET', template, 403, '{"error":"no"}')).not.toEqual([]);
    expect(contract.check('DELETE', '/api/v1/tokens/current', 204, '')).toEqual([]);
  });
});
