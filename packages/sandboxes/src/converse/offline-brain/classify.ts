import type { SanitisedLine } from './read-request';

type Severity = 'low' | 'medium' | 'high' | 'critical';
type ArtefactType = 'raid_log' | 'delivery_state' | 'backlog_summary' | 'decision_log';

interface Rule {
  category: string;
  words: readonly RegExp[];
  severity: Severity;
  complexity: 'simple' | 'complex';
  /** Confidence for one matching keyword; more matches add a little, up to 0.95. */
  confidence: number;
  artefacts: readonly ArtefactType[];
}

/** First match wins: noise before everything (newsletters mention "risk" too), blockers before the rest. */
const RULES: readonly Rule[] = [
  { category: 'noise', words: [/\bnewsletter/, /\bunsubscribe/, /\bwebinar/, /\bpromo(?:tion|tional)?\b/, /\bmarketing\b/, /\bspecial offer/], severity: 'low', complexity: 'simple', confidence: 0.9, artefacts: [] },
  { category: 'blocker', words: [/\bblocked\b/, /\bblocker\b/, /\bblocking\b/, /\bcannot proceed\b/, /\bcan't proceed\b/, /\bunable to (?:proceed|continue)\b/, /\bstuck\b/], severity: 'high', complexity: 'complex', confidence: 0.85, artefacts: ['delivery_state', 'raid_log'] },
  { category: 'decision_needed', words: [/\bdecision\b/, /\bdecide\b/, /\bapprov(?:e|al)\b/, /\bchoose\b/, /\bwhich option\b/, /\bsign[- ]off\b/, /\bshould we\b/], severity: 'medium', complexity: 'complex', confidence: 0.8, artefacts: ['decision_log'] },
  { category: 'risk', words: [/\brisks?\b/, /\bconcern/, /\bmight slip\b/, /\bat risk\b/, /\bworried\b/, /\bmay not make\b/], severity: 'medium', complexity: 'complex', confidence: 0.8, artefacts: ['raid_log'] },
  { category: 'schedule_change', words: [/\bdelay/, /\bslip/, /\b(?:moved|pushed|postponed|rescheduled) (?:to|back|out)\b/, /\bnew (?:date|deadline)\b/, /\bdeadline\b/, /\bdue date\b/, /\bpostpone/], severity: 'medium', complexity: 'complex', confidence: 0.8, artefacts: ['delivery_state', 'raid_log'] },
  { category: 'scope_change', words: [/\bscope\b/, /\badd (?:a |the )?feature/, /\bnew feature/, /\bchange request/, /\badditional requirement/, /\bdescope/], severity: 'medium', complexity: 'complex', confidence: 0.8, artefacts: ['raid_log', 'backlog_summary'] },
  { category: 'dependency', words: [/\bdependenc/, /\bdepends on\b/, /\bwaiting (?:on|for)\b/, /\bvendor\b/, /\bthird[- ]party\b/, /\bsupplier\b/], severity: 'medium', complexity: 'complex', confidence: 0.75, artefacts: ['raid_log'] },
  { category: 'issue', words: [/\bbug\b/, /\bdefect/, /\berrors?\b/, /\bincident\b/, /\boutage\b/, /\bfail(?:ed|ing|ure)\b/, /\bbroken\b/], severity: 'medium', complexity: 'simple', confidence: 0.75, artefacts: ['raid_log', 'backlog_summary'] },
  { category: 'status_update', words: [/\bstatus\b/, /\bdone\b/, /\bcompleted?\b/, /\bprogress\b/, /\bupdate\b/, /\bfinished\b/, /\bmerged\b/, /\bdeployed\b/, /\bresolved\b/], severity: 'low', complexity: 'simple', confidence: 0.8, artefacts: ['delivery_state', 'backlog_summary'] },
];
const INFO: Rule = { category: 'info', words: [], severity: 'low', complexity: 'simple', confidence: 0.6, artefacts: [] };

/** A request for the agent to do something (send mail, move an issue) needs reasoning, whatever its category. */
const ASKS_FOR_ACTION = [/\b(?:forward|send|e-?mail|share)\b.*\S+@\S+/i, /\b(?:close|move|set|mark)\b.*\b(?:done|in review|in progress)\b/i];

const URGENT = /\b(?:urgent|asap|critical|outage|production (?:is )?down|sev ?1|p1|showstopper)\b/;
const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
const raise = (severity: Severity): Severity => SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)] ?? severity;

/** The `record_classifications` input: keyword rules over the pass-1 fields, nothing else. */
export const classifySignals = (signals: readonly SanitisedLine[]): { signals: unknown[] } => ({
  signals: signals.map((s) => {
    // Addresses and links are not prose: "legal@vendor.test" says nothing about a vendor dependency.
    const text = [s.summary, ...s.requests].join(' ').toLowerCase().replace(/\S+@\S+|https?:\/\/\S+/g, ' ');
    const rule = RULES.find((r) => r.words.some((w) => w.test(text))) ?? INFO;
    const hits = rule.words.filter((w) => w.test(text)).length;
    const urgent = URGENT.test(text);
    const severity = urgent && rule.category !== 'noise' ? raise(rule.severity) : rule.severity;
    const confidence = Math.min(0.95, rule.confidence + 0.05 * Math.max(0, hits - 1));
    return {
      id: s.ref,
      category: rule.category,
      // Suspected injection always gets a human-grade look and little confidence.
      severity: s.injectionSuspected && severity === 'low' ? 'medium' : severity,
      confidence: s.injectionSuspected ? 0.4 : Number(confidence.toFixed(2)),
      complexity:
        s.injectionSuspected || (urgent && rule.category === 'issue') || (rule.category !== 'noise' && s.requests.some((r) => ASKS_FOR_ACTION.some((a) => a.test(r))))
          ? 'complex'
          : rule.complexity,
      artefacts: [...rule.artefacts],
    };
  }),
});
