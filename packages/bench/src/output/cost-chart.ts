import type { BillJson } from './bench-result';

/** Monthly cost per service for the two designs; Bedrock split by model, where the difference is. */
export const costByService = (bill: BillJson): Map<string, number> => {
  const out = new Map<string, number>();
  for (const line of bill.lines) {
    const name = line.service === 'Bedrock' ? `Bedrock ${line.item.replace(/ (input|output|cache read|cache write)$/, '')}` : line.service;
    out.set(name, (out.get(name) ?? 0) + line.usd);
  }
  return out;
};

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/**
 * An SVG chart (an image any browser opens; no native dependencies) of the monthly cost per
 * service, ours against naive, on a logarithmic axis: the services span five orders of
 * magnitude, and on a linear axis everything but Bedrock would be invisible.
 */
export const costChartSvg = (ours: BillJson, naive: BillJson, title: string): string => {
  const a = costByService(ours);
  const b = costByService(naive);
  const weight = (service: string): number => (a.get(service) ?? 0) + (b.get(service) ?? 0);
  const services = [...new Set([...a.keys(), ...b.keys()])].sort((s1, s2) => weight(s2) - weight(s1));
  const floorExponent = -3;
  const floor = 10 ** floorExponent;
  const max = Math.max(1, ...a.values(), ...b.values());
  const decades = Math.ceil(Math.log10(max / floor));
  const left = 190;
  const width = 560;
  const rowHeight = 34;
  const top = 60;
  const height = top + services.length * rowHeight + 70;
  const x = (usd: number): number => left + (Math.log10(Math.max(usd, floor) / floor) / decades) * width;
  const bar = (usd: number, y: number, color: string): string =>
    `<rect x="${left}" y="${y}" width="${Math.max(0, x(usd) - left).toFixed(1)}" height="12" fill="${color}"/>` +
    `<text x="${(x(usd) + 4).toFixed(1)}" y="${y + 10}" font-size="10">$${usd < 0.01 ? usd.toFixed(4) : usd.toFixed(2)}</text>`;
  const rows = services.map((service, i) => {
    const y = top + i * rowHeight;
    return `<text x="${left - 8}" y="${y + 16}" font-size="12" text-anchor="end">${escape(service)}</text>` + bar(a.get(service) ?? 0, y + 2, '#2b7a4b') + bar(b.get(service) ?? 0, y + 16, '#c0504d');
  });
  const ticks = Array.from({ length: decades + 1 }, (_, i) => {
    const usd = 10 ** (floorExponent + i);
    const tx = x(usd).toFixed(1);
    return `<line x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${height - 56}" stroke="#ddd"/><text x="${tx}" y="${height - 42}" font-size="10" text-anchor="middle">$${usd >= 1 ? usd.toFixed(0) : usd.toFixed(-(floorExponent + i))}</text>`;
  });
  const totals = `ours $${ours.totalUsd.toFixed(2)}/month, naive $${naive.totalUsd.toFixed(2)}/month (ratio ${(ours.totalUsd / naive.totalUsd).toFixed(3)})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 80}" height="${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="16" y="24" font-size="15" font-weight="bold">${escape(title)}</text>`,
    `<text x="16" y="42" font-size="11">${escape(totals)}; USD per 30-day month, log scale</text>`,
    ...ticks,
    ...rows,
    `<rect x="${left}" y="${height - 26}" width="12" height="12" fill="#2b7a4b"/><text x="${left + 18}" y="${height - 16}" font-size="11">ours</text>`,
    `<rect x="${left + 80}" y="${height - 26}" width="12" height="12" fill="#c0504d"/><text x="${left + 98}" y="${height - 16}" font-size="11">naive (one Haiku call per signal, one Sonnet call per complex signal)</text>`,
    `</svg>`,
    '',
  ].join('\n');
};
