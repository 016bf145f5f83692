import { describe, expect, it } from 'vitest';
import { capText, headerMap, isAutoReply, isBulk, mailBodyText, stripQuotesAndSignature } from '../../../packages/integrations/src/graph';

describe('stripQuotesAndSignature', () => {
  it.each([
    ['a Gmail attribution', 'New date is Friday.\n\nOn Mon, 2 Mar 2026 at 08:00, Bob <bob@acme.test> wrote:\n> When is it?'],
    ['a wrapped attribution', 'New date is Friday.\n\nOn Mon, 2 Mar 2026 at 08:00, Bob Example <bob@acme.test>\nwrote:\n> When is it?'],
    ['an Outlook original message', 'New date is Friday.\n-----Original Message-----\nFrom: Bob\nWhen is it?'],
    ['an Outlook reply header', 'New date is Friday.\n________________________________\nFrom: Bob <bob@acme.test>\nSent: Monday, March 2, 2026 8:00 AM\nTo: PM\nSubject: date\n\nWhen is it?'],
    ['a signature', 'New date is Friday.\n-- \nBob Example\nVendor Ltd'],
    ['inline quoted lines and a mobile footer', '> When is it?\nNew date is Friday.\n\nSent from my iPhone'],
  ])('cuts %s', (_name, body) => {
    // Act & Assess
    expect(stripQuotesAndSignature(body)).toBe('New date is Friday.');
  });

  it('keeps a forward whose only content is the quoted message', () => {
    // Prepare
    const body = '-----Original Message-----\nFrom: Vendor\nShipment delayed to 20 March.';

    // Act & Assess
    expect(stripQuotesAndSignature(body)).toBe(body);
  });
});

describe('mailBodyText', () => {
  it('converts HTML to text, drops link targets and images, and cuts the quoted reply', async () => {
    // Prepare
    const html = '<html><body><p>Hi team,</p><p>The <b>vendor</b> confirmed <a href="https://x.test">the date</a>.<img src="logo.png"></p>'
      + '<blockquote>Earlier text we already read</blockquote></body></html>';

    // Act
    const text = await mailBodyText({ contentType: 'html', content: html }, 4000);

    // Assess
    expect(text).toBe('Hi team,\n\nThe vendor confirmed the date.');
  });

  it('caps long bodies with a marker naming what was cut', async () => {
    // Act
    const text = await mailBodyText({ contentType: 'text', content: 'x'.repeat(250) }, 200);

    // Assess
    expect(text).toBe(`${'x'.repeat(200)}\n[truncated: 50 more characters]`);
  });

  it('does not split a surrogate pair when capping', () => {
    // Act & Assess
    expect(capText('ab😀cd', 3)).toBe('ab\n[truncated: 4 more characters]');
  });
});

describe('mail flags', () => {
  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'Re: plan', true],
    [{ 'Auto-Submitted': 'no' }, 'Re: plan', false],
    [{ 'X-Auto-Response-Suppress': 'All' }, 'Re: plan', true],
    [{}, 'Automatic reply: Re: plan', true],
    [{}, 'Out of Office until Monday', true],
    [{}, 'Re: plan', false],
  ])('isAutoReply(%j, %s) is %s', (headers, subject, expected) => {
    // Act & Assess
    expect(isAutoReply(headerMap(Object.entries(headers).map(([name, value]) => ({ name, value }))), subject)).toBe(expected);
  });

  it.each([
    [{ 'List-Unsubscribe': '<mailto:u@x.test>' }, true],
    [{ Precedence: 'bulk' }, true],
    [{ precedence: 'List' }, true],
    [{ Precedence: 'first-class' }, false],
  ])('isBulk(%j) is %s', (headers, expected) => {
    // Act & Assess
    expect(isBulk(headerMap(Object.entries(headers).map(([name, value]) => ({ name, value }))))).toBe(expected);
  });
});
