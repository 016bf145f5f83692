import { clip } from './text-analysis';

const tidy = (option: string): string => {
  const text = clip(option.replace(/^(?:to|we)\s+/i, '').trim(), 300);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/**
 * The options a request offers, when it spells them out: "Option A: ... Option B: ...",
 * "whether to X or Y", "should we X or Y?", "between X and Y". Empty when it does not.
 */
export const optionsIn = (texts: readonly string[]): string[] => {
  const text = texts.join(' ');
  const labelled = [...text.matchAll(/\boption\s+(?:[A-Z]|\d)\s*[:)\-–]\s*([^.;?!]+)/gi)].flatMap(([, o]) => (o ? [tidy(o)] : []));
  if (labelled.length >= 2) return labelled.slice(0, 4);
  const pair =
    /\bwhether (?:to |we should )?(.+?),? or (?:to )?(.+?)(?:[.?!;]|$)/i.exec(text) ??
    /\b(?:should|shall|do|can) we (.+?),? or (.+?)\?/i.exec(text) ??
    /\bbetween (.+?) and (.+?)(?:[.?!;,]|$)/i.exec(text);
  return pair?.[1] && pair[2] ? [tidy(pair[1]), tidy(pair[2])] : [];
};
