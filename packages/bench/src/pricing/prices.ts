import { defaultSettings, type ModelPrice } from '@agentic-pm/domain';

/**
 * Every price the benchmark uses, in one place: AWS list prices for us-east-1 in USD, as
 * published in 2025 (the figures below were current then; check the pages before quoting them).
 * Free tiers are left out on purpose: they are per account, shared with whatever else runs there,
 * and they would hide how the bill scales.
 */
export const PRICES = {
  /** Standard workflows: $0.025 per 1,000 state transitions. https://aws.amazon.com/step-functions/pricing/ */
  stepFunctionsPerTransition: 0.000025,
  /** arm64, first 7.5 billion GB-seconds a month: $0.0000133334 per GB-second. https://aws.amazon.com/lambda/pricing/ */
  lambdaArmPerGbSecond: 0.0000133334,
  /** $0.20 per 1 million requests. https://aws.amazon.com/lambda/pricing/ */
  lambdaPerRequest: 0.0000002,
  /**
   * On-demand since the 1 November 2024 price cut: $0.625 per million write request units and
   * $0.125 per million read request units. https://aws.amazon.com/dynamodb/pricing/on-demand/
   */
  dynamoDbPerWriteUnit: 0.000000625,
  dynamoDbPerReadUnit: 0.000000125,
  /** $0.10 per 1,000 emails; each recipient counts as one email. https://aws.amazon.com/ses/pricing/ */
  sesPerEmail: 0.0001,
  /**
   * First 10,000 custom metrics: $0.30 per metric per month, prorated by the hour (a metric costs
   * nothing in an hour it has no data). EMF puts them there through logs, so no PutMetricData
   * calls are billed. https://aws.amazon.com/cloudwatch/pricing/
   */
  cloudWatchPerMetricMonth: 0.3,
  /** Standard-resolution alarm: $0.10 per alarm metric per month (a metric-math alarm pays per metric). https://aws.amazon.com/cloudwatch/pricing/ */
  cloudWatchPerAlarmMetricMonth: 0.1,
  /** EventBridge Scheduler: $1.00 per million invocations (past the 14 million free a month). https://aws.amazon.com/eventbridge/pricing/ */
  schedulerPerInvocation: 0.000001,
} as const;

/**
 * Bedrock on-demand prices per million tokens, from the agent settings' embedded defaults (Haiku
 * 4.5 $1 in / $5 out, Sonnet 4.5 $3 / $15; cache reads 0.1x, cache writes 1.25x), so the
 * benchmark prices calls as the agent's own ledger does. https://aws.amazon.com/bedrock/pricing/
 * Note: AWS lists Claude 4.5 models on regional (`us.`) inference profiles at a 10% premium over
 * global ones; the settings, and so this table, use the base price.
 */
export const modelPrices = (): Record<string, ModelPrice> => defaultSettings().prices;

/** The model names the report shows. */
export const modelLabel = (modelId: string): string => {
  if (modelId.includes('haiku-4-5')) return 'Haiku 4.5';
  if (modelId.includes('sonnet-4-5')) return 'Sonnet 4.5';
  return modelId;
};
