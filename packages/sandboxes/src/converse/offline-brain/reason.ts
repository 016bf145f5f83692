import { REASONING_TOOLS } from '@agentic-pm/llm';
import type { ConverseRequestBody, ReplyBlock, WireMessage } from '../wire';
import { optionsIn } from './decision-options';
import { jsonLinesIn, projectIn, reasoningLine, taskTextOf, type ReasoningLine } from './read-request';
import { clip, emailsIn } from './text-analysis';

interface Call {
  name: string;
  input: Record<string, unknown>;
}

type Project = ReturnType<typeof projectIn>;

const SEND_REQUEST = /\b(?:forward|send|e-?mail|share|copy)\b/i;
const MOVE_REQUEST = /\b(?:close|move|set|mark)\b.*\b(done|in review|in progress)\b/i;
const STATUS_NAMES: Record<string, string> = { done: 'Done', 'in review': 'In Review', 'in progress': 'In Progress' };

const op = (s: ReasoningLine, input: Record<string, unknown>): Call => ({ name: REASONING_TOOLS.artefactOperation, input: { op: input, signalIds: [s.ref] } });
const raid = (s: ReasoningLine, kind: string, description: string): Call =>
  op(s, { op: 'raid_add', kind, description: clip(description, 500), owner: null, severity: s.severity });
const escalate = (s: ReasoningLine, title: string, options: string[], recommendation: number, rationale: string): Call => ({
  name: REASONING_TOOLS.requestEscalation,
  input: {
    title: clip(title, 200),
    context: clip([s.summary, ...s.requests.filter((r) => !s.summary.includes(r)).map((r) => `Request: ${r}`)].join(' '), 2000),
    options,
    recommendation,
    rationale: clip(rationale, 1000),
    signalIds: [s.ref],
  },
});
const propose = (s: ReasoningLine, payload: Record<string, unknown>, confidence: number, rationale: string): Call => ({
  name: REASONING_TOOLS.proposeAction,
  input: { payload, confidence, rationale, signalIds: [s.ref] },
});

/** What a careful project manager would record, propose and escalate for one signal. Pure. */
const planFor = (s: ReasoningLine, project: Project): Call[] => {
  const issueKey = s.issueKey ?? s.entities.issueKeys.find((k) => k.startsWith(`${project.jiraProjectKey}-`));
  // Titles name the issue already; repeating "ATL-12: ATL-12: ..." helps nobody.
  const short = clip(issueKey !== undefined && s.summary.startsWith(`${issueKey}:`) ? s.summary.slice(issueKey.length + 1) : s.summary, 100);
  const topic = clip(s.summary.split(/[:.?!]/)[0] ?? s.summary, 60);
  const calls: Call[] = [];
  switch (s.category) {
    case 'blocker':
      calls.push(
        raid(s, 'issue', `Blocker: ${s.summary}`),
        op(s, { op: 'delivery_add_blocker', issueKey: issueKey ?? null, description: clip(s.summary, 300) }),
        op(s, { op: 'delivery_set_rag', rag: 'red', reason: clip(`Blocked: ${short}`, 300) }),
      );
      if (issueKey !== undefined) {
        calls.push(
          propose(
            s,
            { type: 'jira_comment', issueKey, body: 'Noted as a blocker and raised with the project owner. Please add the expected resolution date and who can unblock it to this issue.' },
            0.85,
            'Acknowledges the blocker on its issue so the team knows it is being handled.',
          ),
        );
      }
      calls.push(
        escalate(
          s,
          `Blocker${issueKey === undefined ? '' : ` on ${issueKey}`}: ${short}`,
          ['Escalate to whoever can unblock it and ask for a resolution date', 'Re-plan: resequence or descope the blocked work', 'Accept the delay and move the affected milestone'],
          0,
          'A dated commitment from whoever can unblock is the cheapest way to protect the plan; re-planning can follow if none comes.',
        ),
      );
      break;
    case 'decision_needed': {
      const offered = optionsIn([s.summary, ...s.requests]);
      const options = offered.length > 0 ? [...offered, 'Ask for more information before deciding'] : ['Approve as requested', 'Decline', 'Ask for more information before deciding'];
      const cautious = offered.length === 0 && (s.trust === 'external' || s.injectionSuspected);
      calls.push(
        escalate(
          s,
          /^decision needed\b/i.test(short) ? short : `Decision needed: ${short}`,
          options.slice(0, 5),
          cautious ? options.length - 1 : 0,
          cautious
            ? 'The request comes from outside the project and states no options; clarify before committing.'
            : 'First option as stated by the requester; the owner should weigh cost and timing.',
        ),
      );
      break;
    }
    case 'risk':
      calls.push(raid(s, 'risk', s.summary));
      break;
    case 'schedule_change':
      calls.push(
        op(s, { op: 'delivery_set_rag', rag: 'amber', reason: clip(`Schedule change: ${short}`, 300) }),
        raid(s, /\b(?:waiting|vendor|supplier|depend)/i.test(s.summary) ? 'dependency' : 'risk', `Schedule change: ${s.summary}`),
      );
      break;
    case 'scope_change':
      calls.push(
        raid(s, 'issue', `Scope change: ${s.summary}`),
        escalate(s, `Scope change: ${short}`, ['Accept the change and re-plan', 'Defer it to a later phase', 'Decline the change'], 1, 'Deferring keeps the current commitment intact while the change is sized.'),
      );
      break;
    case 'dependency':
      calls.push(raid(s, 'dependency', s.summary));
      break;
    case 'issue':
      calls.push(raid(s, 'issue', s.summary));
      break;
    default:
      break;
  }
  // Someone asking for mail to go somewhere: propose it and let the policy gate judge (an outside
  // sender's request carries less confidence; the gate escalates it anyway).
  const ask = s.requests.find((r) => SEND_REQUEST.test(r) && emailsIn(r).length > 0);
  const to = ask === undefined ? undefined : emailsIn(ask)[0];
  if (ask !== undefined && to !== undefined) {
    const external = s.trust === 'external';
    calls.push(
      propose(
        s,
        { type: 'send_email', to: [to], subject: `Re: ${topic}`, body: `Hello,\n\nFollowing up on the request: "${ask}"\n\nBest regards,\nThe project team` },
        external ? 0.6 : 0.85,
        external ? 'The sender asked for this; the recipient and the content come from an external message.' : 'A colleague asked for this mail to be sent.',
      ),
    );
  }
  // A request to move the issue along its workflow.
  const move = issueKey === undefined || s.injectionSuspected ? undefined : s.requests.map((r) => MOVE_REQUEST.exec(r)).find((m) => m !== null);
  const status = move?.[1] === undefined ? undefined : STATUS_NAMES[move[1].toLowerCase()];
  if (issueKey !== undefined && status !== undefined) {
    calls.push(propose(s, { type: 'jira_transition', issueKey, toStatus: status }, 0.85, `Asked on the issue to move it to ${status}.`));
  }
  if (s.injectionSuspected) {
    // A question, not a note: the gate escalates notes derived from flagged text anyway.
    calls.push(
      escalate(
        s,
        'Suspicious message flagged',
        ['Ignore it: nothing was done', 'Review the message myself'],
        0,
        clip(
          `A message${s.senderRole === undefined ? '' : ` from a ${s.senderRole.replace('_', ' ')}`} about "${topic}" looks like an attempt to steer the assistant (${s.injectionReason ?? 'suspected prompt injection'}). None of its instructions were followed.`,
          1000,
        ),
      ),
    );
  }
  return calls;
};

const toolResultsIn = (messages: readonly WireMessage[]): Array<'success' | 'error'> =>
  messages.flatMap((m) => m.content.flatMap((b) => ('toolResult' in b ? [b.toolResult.status ?? 'success'] : [])));

const refsAlreadyHandled = (messages: readonly WireMessage[]): Set<string> =>
  new Set(
    messages
      .filter((m) => m.role === 'assistant')
      .flatMap((m) => m.content.flatMap((b) => ('toolUse' in b ? [b.toolUse.input] : [])))
      .flatMap((input) => {
        const ids = (input as { signalIds?: unknown } | null)?.signalIds;
        return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
      }),
  );

const tokensOf = (call: Call): number => Math.ceil((call.name.length + JSON.stringify(call.input).length) / 4);

/**
 * One reasoning turn. Turn 1 plans every signal; calls go out in signal order, as many signals
 * as fit in ~90% of maxTokens (the rest in later turns), with `finish` last once everything is
 * out. A later turn (after a rejection) reads the tool results and calls `finish` with a tally:
 * it never loops on rejected calls.
 */
export const reasonTurn = (body: ConverseRequestBody): ReplyBlock[] => {
  const task = taskTextOf(body);
  const project = projectIn(task);
  const signals = jsonLinesIn(task, 'signals', reasoningLine);
  const handled = refsAlreadyHandled(body.messages);
  const pending = signals.map((s) => ({ s, calls: planFor(s, project) })).filter(({ s, calls }) => calls.length > 0 && !handled.has(s.ref));
  const turn = body.messages.filter((m) => m.role === 'assistant').length + 1;

  const budget = 0.9 * (body.inferenceConfig?.maxTokens ?? 4_096);
  const batch: Call[] = [];
  let used = 0;
  let planned = 0;
  for (const { calls } of pending) {
    const cost = calls.reduce((sum, c) => sum + tokensOf(c), 0);
    if (batch.length > 0 && used + cost > budget) break;
    batch.push(...calls);
    used += cost;
    planned += 1;
  }
  if (batch.length > 0 && planned === pending.length) {
    // Everything fits in this turn: finish in the same response, as the system prompt asks.
    batch.push({ name: REASONING_TOOLS.finish, input: { summary: `Handled ${signals.length} signal(s) with ${batch.length} call(s).` } });
  } else if (batch.length === 0) {
    const results = toolResultsIn(body.messages);
    const rejected = results.filter((r) => r === 'error').length;
    batch.push({
      name: REASONING_TOOLS.finish,
      input: { summary: `Handled ${signals.length} signal(s): ${results.length - rejected} call(s) recorded, ${rejected} rejected.` },
    });
  }
  return batch.map((call, i) => ({ toolUse: { toolUseId: `tooluse_offline_${turn}_${i + 1}`, name: call.name, input: call.input } }));
};
