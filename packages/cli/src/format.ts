import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Colour only on a terminal, so piped output and CI logs stay plain. */
export const paint = (style: Style, text: string): string => (process.stdout.isTTY && !process.env.NO_COLOR ? styleText(style, text) : text);

export const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

export const usd = (value: number): string => `$${value.toFixed(4)}`;
