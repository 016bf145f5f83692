import { describe, expect, it } from 'vitest';
import { authenticatedFromDomain } from '@agentic-pm/integrations';

const results = (value: string) => [{ name: 'Received', value: 'from mx.acme.test' }, { name: 'Authentication-Results', value }];

describe('authenticatedFromDomain', () => {
  it.each([
    ['DMARC pass for the From domain', 'mx.acme.test; dmarc=pass action=none header.from=acme.test', 'acme.test'],
    ['aligned DKIM pass', 'mx.acme.test; dkim=pass (signature was verified) header.d=ACME.test header.s=s1', 'acme.test'],
    ['aligned SPF pass', 'mx.acme.test; spf=pass (sender IP is 10.0.0.1) smtp.mailfrom=bounce@acme.test', 'acme.test'],
    ['SPF pass for another envelope domain', 'mx.acme.test; spf=pass smtp.mailfrom=evil.example; dkim=none; dmarc=fail header.from=acme.test', null],
    ['DKIM pass for another domain', 'mx.acme.test; dkim=pass header.d=evil.example; dmarc=fail header.from=acme.test', null],
    ['everything failing', 'mx.acme.test; spf=fail smtp.mailfrom=acme.test; dkim=fail header.d=acme.test; dmarc=fail header.from=acme.test', null],
    ['no results at all', 'mx.acme.test; none', null],
  ])('%s', (_name, value, expected) => {
    // Act
    const domain = authenticatedFromDomain(results(value), 'ceo@acme.test');

    // Assess
    expect(domain).toBe(expected);
  });

  it('has no verdict without an Authentication-Results header', () => {
    // Act
    const domain = authenticatedFromDomain([{ name: 'From', value: 'ceo@acme.test' }], 'ceo@acme.test');

    // Assess
    expect(domain).toBeNull();
  });

  it('reads only the topmost header: one the sender wrote further down does not count', () => {
    // Prepare
    const headers = [
      { name: 'Authentication-Results', value: 'mx.acme.test; spf=fail smtp.mailfrom=evil.example; dmarc=fail header.from=acme.test' },
      { name: 'Authentication-Results', value: 'mx.acme.test; dmarc=pass header.from=acme.test' },
    ];

    // Act
    const domain = authenticatedFromDomain(headers, 'ceo@acme.test');

    // Assess
    expect(domain).toBeNull();
  });
});
