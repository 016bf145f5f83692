import type { Escalation, ProjectConfig } from '@agentic-pm/domain';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface EmailSection {
  heading: string;
  lines: string[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** One layout for every mail the agent sends: a title, sections of lines, and a footer. */
export const renderEmail = (subject: string, intro: string, sections: EmailSection[]): RenderedEmail => {
  const footer = 'Sent by agentic-pm, your project-manager agent.';
  const text = [intro, '', ...sections.flatMap((s) => [s.heading, ...s.lines.map((l) => `  - ${l}`), '']), footer].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:640px">',
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.map((s) => `<h3>${escapeHtml(s.heading)}</h3><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`),
    `<p style="color:#666;font-size:small">${footer}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
};

export const escalationEmail = (project: ProjectConfig, escalation: Escalation): RenderedEmail =>
  renderEmail(`[${project.name}] ${escalation.title}`, escalation.context, [
    { heading: 'Options', lines: escalation.options.map((o, i) => `${i}: ${o}${i === escalation.recommendation ? ' (recommended)' : ''}`) },
    { heading: 'Why the agent recommends this', lines: [escalation.rationale] },
    { heading: 'Reference', lines: [`Escalation ${escalation.id}; no action is taken until you decide.`] },
  ]);
