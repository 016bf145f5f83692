/**
 * Exact money arithmetic: amounts in integer pico-dollars (1e-12 USD) and quantities as
 * fractions, so a month of tiny per-request prices adds up without floating-point drift and a
 * hand-computed bill matches to the last digit. One rounding, half up, per bill line.
 */
export type Pico = bigint;

export const PICO_PER_USD = 1_000_000_000_000n;

/** A non-negative quantity as numerator / denominator (GB-seconds are MB-ms / 1,024,000). */
export interface Quantity {
  num: bigint;
  den: bigint;
}

export const quantity = (num: bigint | number, den: bigint | number = 1n): Quantity => {
  const n = typeof num === 'bigint' ? num : BigInt(num);
  const d = typeof den === 'bigint' ? den : BigInt(den);
  if (n < 0n || d <= 0n) throw new Error(`quantity ${n}/${d} must be non-negative with a positive denominator`);
  return { num: n, den: d };
};

/** A measured count that may have halves (eventually consistent reads), kept exact in thousandths. */
export const fromDecimal = (value: number): Quantity => {
  const milli = Math.round(value * 1000);
  if (!Number.isFinite(value) || value < 0 || Math.abs(milli - value * 1000) > 1e-6) throw new Error(`${value} is not a non-negative amount with at most 3 decimals`);
  return quantity(milli, 1000);
};

export const scale = (q: Quantity, by: Quantity): Quantity => quantity(q.num * by.num, q.den * by.den);

/** A USD unit price as pico-dollars; refuses prices that pico-dollars cannot hold exactly. */
export const picoOf = (usd: number): Pico => {
  const pico = Math.round(usd * 1e12);
  if (!Number.isFinite(usd) || usd < 0 || Math.abs(pico - usd * 1e12) > 1e-3) throw new Error(`price ${usd} USD is not a whole number of pico-dollars`);
  return BigInt(pico);
};

/** quantity x unit price, rounded half up to a pico-dollar. */
export const costOfQuantity = (q: Quantity, unitPrice: Pico): Pico => (2n * q.num * unitPrice + q.den) / (2n * q.den);

export const toUsd = (pico: Pico): number => Number(pico / PICO_PER_USD) + Number(pico % PICO_PER_USD) / 1e12;

export const toNumber = (q: Quantity): number => Number(q.num) / Number(q.den);
