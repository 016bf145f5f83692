import { describe, expect, it } from 'vitest';
import { IntegrationError } from '@agentic-pm/domain';
import { adfToText, isAgentMarked, jiraTimestampToIso, markerOf, textToAdf } from '../../../packages/integrations/src/jira';

describe('Jira timestamps', () => {
  it.each([
    ['2026-03-02T08:05:00.000+0000', '2026-03-02T08:05:00.000Z'],
    ['2026-03-02T03:05:00.000-0500', '2026-03-02T08:05:00.000Z'],
    ['2026-03-02T13:35:00.123+0530', '2026-03-02T08:05:00.123Z'],
    ['2026-03-02T08:05:00.000+00:00', '2026-03-02T08:05:00.000Z'],
    ['2026-03-02T08:05:00Z', '2026-03-02T08:05:00.000Z'],
  ])('reads %s as %s', (jira, iso) => {
    // Act & Assess
    expect(jiraTimestampToIso(jira)).toBe(iso);
  });

  it('names a malformed timestamp', () => {
    // Act & Assess
    expect(() => jiraTimestampToIso('02/03/2026 08:05')).toThrow(IntegrationError);
    expect(() => jiraTimestampToIso('02/03/2026 08:05')).toThrow(/02\/03\/2026 08:05/);
  });
});

describe('ADF', () => {
  it('round-trips plain text, blank lines included', () => {
    // Prepare
    const text = 'Vendor slipped.\n\nNew date: 10 March\n[agentic-pm:act-1]';

    // Act & Assess
    expect(adfToText(textToAdf(text))).toBe(text);
  });

  it('flattens rich nodes: mentions, lists, hard breaks, cards, quotes', () => {
    // Prepare
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'x', text: '@Dana' } }, { type: 'text', text: ' please look' }, { type: 'hardBreak' }, { type: 'text', text: 'today' }] },
        { type: 'bulletList', content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'inlineCard', attrs: { url: 'https://x.test/a' } }] }] },
        ] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
        { type: 'unknownThing' },
      ],
    };

    // Act
    const text = adfToText(doc);

    // Assess
    expect(text).toBe('@Dana please look\ntoday\n- one\n- https://x.test/a\n> quoted');
  });

  it('treats only a trailing marker line as the agent marker', () => {
    // Act & Assess
    expect(markerOf('Done.\n\n[agentic-pm:act-1]\n')).toBe('act-1');
    expect(isAgentMarked('As the bot said:\n[agentic-pm:act-1]\nI disagree.')).toBe(false);
    expect(isAgentMarked('no marker')).toBe(false);
  });
});
