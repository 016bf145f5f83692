/**
 * What the agent knows of the OTHER projects, reduced to fingerprints, so text about to leave one
 * project (a mail, a Jira write, an escalation) can be checked for another project's data.
 * Deterministic and model-free: a compromised model can put anything in a proposal, and this is
 * the check that does not depend on the model noticing.
 */
export interface ForeignProjectData {
  projectId: string;
  jiraProjectKey: string;
  /** Text the agent holds for that project: issue summaries, artefact renderings, its name. */
  texts: string[];
}

export interface ForeignDataIndex {
  /** Issue keys of another project (`BOR-12`) name that project's data. */
  keyPattern: RegExp | null;
  /** Rare tokens (codes, ids, code names with digits) seen only in other projects. */
  tokens: ReadonlySet<string>;
  /** Runs of words from other projects' texts that own-project text does not share. */
  shingles: ReadonlySet<string>;
}

/** Words in a shingle: long enough that a shared run is a copy, not a common phrase. */
const SHINGLE_WORDS = 6;

const words = (text: string): string[] => text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}_-]+/u).filter((w) => w.length > 0);

/** A token a person would not write by chance: letters and digits mixed, or a long code. */
const isRare = (token: string): boolean => token.length >= 6 && (token.match(/\p{L}/gu) ?? []).length >= 2 && /\d/.test(token);

const shinglesOf = (ws: readonly string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= ws.length; i += 1) out.push(ws.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the index; anything the own project also holds is not evidence of a leak. */
export const buildForeignDataIndex = (foreign: readonly ForeignProjectData[], ownTexts: readonly string[], ownJiraKey: string): ForeignDataIndex => {
  const ownWords = ownTexts.flatMap(words);
  const ownTokens = new Set(ownWords);
  const ownShingles = new Set(ownTexts.flatMap((t) => shinglesOf(words(t))));
  const keys = [...new Set(foreign.map((f) => f.jiraProjectKey))].filter((k) => k !== ownJiraKey);
  const tokens = new Set<string>();
  const shingles = new Set<string>();
  for (const f of foreign) {
    for (const text of f.texts) {
      const ws = words(text);
      for (const w of ws) if (isRare(w) && !ownTokens.has(w)) tokens.add(w);
      for (const s of shinglesOf(ws)) if (!ownShingles.has(s)) shingles.add(s);
    }
  }
  return {
    keyPattern: keys.length === 0 ? null : new RegExp(`\\b(?:${keys.map(escapeRegExp).join('|')})-\\d+\\b`, 'i'),
    tokens,
    shingles,
  };
};

export const emptyForeignDataIndex = (): ForeignDataIndex => ({ keyPattern: null, tokens: new Set(), shingles: new Set() });

/** Why a text carries another project's data, or null; never quotes the data itself. */
export const foreignDataIn = (text: string, index: ForeignDataIndex): string | null => {
  if (index.keyPattern?.test(text.normalize('NFKC'))) return "names another project's issue";
  const ws = words(text);
  if (ws.some((w) => index.tokens.has(w))) return "contains an identifier from another project's data";
  if (index.shingles.size > 0 && shinglesOf(ws).some((s) => index.shingles.has(s))) return "copies text from another project's data";
  return null;
};
