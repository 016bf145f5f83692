import { describe, expect, it } from 'vitest';
import { costOfQuantity, emptyUsage, monthlyBill, picoOf, quantity, toUsd, type BillableUsage } from '../../packages/bench/src/index';

const HAIKU = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const SONNET = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

describe('the monthly bill', () => {
  it('prices a hand-computed day to the pico-dollar', () => {
    // Prepare: one whole day (96 runs), so a month is exactly 30 of them.
    const usage: BillableUsage = {
      runs: 96,
      runsPerDay: 96,
      transitions: 1_000,
      lambdaRequests: 600,
      lambdaMbMs: 50 * 1024 * 1000, // 50 GB-s
      readUnits: 2_000,
      writeUnits: 1_000,
      models: [
        { ...emptyUsage(HAIKU), calls: 10, inputTokens: 100_000, outputTokens: 10_000 },
        { ...emptyUsage(SONNET), calls: 4, inputTokens: 20_000, outputTokens: 5_000, cacheReadTokens: 2_000, cacheWriteTokens: 2_000 },
      ],
      emails: 10,
      metricHours: 24,
      alarmMetrics: 15,
    };

    // Act
    const bill = monthlyBill(usage);

    // Assess: by hand, per 30-day month
    //   Haiku in 3,000,000 x $1/M = 3; out 300,000 x $5/M = 1.5
    //   Sonnet in 600,000 x $3/M = 1.8; out 150,000 x $15/M = 2.25; cache write 60,000 x $3.75/M = 0.225; cache read 60,000 x $0.30/M = 0.018
    //   transitions 30,000 x $0.000025 = 0.75; GB-s 1,500 x $0.0000133334 = 0.0200001; requests 18,000 x $0.0000002 = 0.0036
    //   RRU 60,000 x $0.000000125 = 0.0075; WRU 30,000 x $0.000000625 = 0.01875; emails 300 x $0.0001 = 0.03
    //   metrics 720 metric-hours = 1 metric-month x $0.30; alarms 15 x $0.10 = 1.5; scheduler 2,880 x $0.000001 = 0.00288
    const cost = (key: string): number => toUsd(bill.lines.find((l) => l.key === key)?.cost ?? -1n);
    expect(cost('Bedrock · Haiku 4.5 input')).toBe(3);
    expect(cost('Bedrock · Sonnet 4.5 cache write')).toBe(0.225);
    expect(cost('Lambda · duration (arm64)')).toBe(0.0200001);
    expect(cost('CloudWatch · custom metrics (EMF)')).toBe(0.3);
    expect(cost('CloudWatch · alarms')).toBe(1.5);
    expect(bill.llm).toBe(8_793_000_000_000n);
    expect(bill.total).toBe(11_425_730_100_000n);
  });

  it('scales a part of a day to a month and leaves fixed monthly charges alone', () => {
    // Prepare: 48 runs are half a day
    const usage: BillableUsage = {
      runs: 48, runsPerDay: 96, transitions: 100, lambdaRequests: 0, lambdaMbMs: 0, readUnits: 0.5, writeUnits: 0, models: [], emails: 0, metricHours: 0, alarmMetrics: 2,
    };

    // Act
    const bill = monthlyBill(usage);

    // Assess: 100 x 60 x $0.000025 = $0.15; 0.5 x 60 x $0.000000125 = $0.00000375; alarms 2 x $0.10
    const cost = (key: string): bigint => bill.lines.find((l) => l.key === key)?.cost ?? -1n;
    expect(cost('Step Functions · state transitions')).toBe(picoOf(0.15));
    expect(cost('DynamoDB · read request units')).toBe(3_750_000n);
    expect(cost('CloudWatch · alarms')).toBe(picoOf(0.2));
  });

  it('rounds each line once, half up, to the pico-dollar', () => {
    // Prepare: one GB-second is 1,024,000 MB-ms; one MB-ms at $0.0000133334/GB-s is 13.0209 pico-dollars
    const price = picoOf(0.0000133334);

    // Act
    const oneMbMs = costOfQuantity(quantity(1, 1024 * 1000), price);
    const halfUp = costOfQuantity(quantity(1, 2), 1n);

    // Assess
    expect(oneMbMs).toBe(13n);
    expect(halfUp).toBe(1n);
  });

  it('refuses prices pico-dollars cannot hold and a model without a price', () => {
    // Prepare
    const usage: BillableUsage = {
      runs: 1, runsPerDay: 96, transitions: 0, lambdaRequests: 0, lambdaMbMs: 0, readUnits: 0, writeUnits: 0, models: [emptyUsage('unknown-model')], emails: 0, metricHours: 0, alarmMetrics: 0,
    };

    // Act
    const tooFine = () => picoOf(1e-13);
    const unpriced = () => monthlyBill(usage);

    // Assess
    expect(tooFine).toThrow(/pico-dollars/);
    expect(unpriced).toThrow(/no price for model "unknown-model"/);
  });
});
