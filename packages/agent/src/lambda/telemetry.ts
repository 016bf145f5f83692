import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { redactingJsonReplacer } from '@agentic-pm/domain';
import type { MetricsSink } from '../context';

export const SERVICE_NAME = 'agentic-pm';
export const METRICS_NAMESPACE = 'AgenticPm';

export interface Telemetry {
  logger: Logger;
  metrics: Metrics;
}

type MetricsOutput = NonNullable<NonNullable<ConstructorParameters<typeof Metrics>[0]>['logger']>;

/**
 * Locally, metrics go to `metricsOutput` (to be counted) instead of stdout. Every log line passes
 * through one redacting replacer: credentials under sensitive keys, and inline ones (`Bearer ...`)
 * in any string, an error's message and stack included, come out as `[redacted]`.
 */
export const createTelemetry = (options: { logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT'; metricsOutput?: MetricsOutput } = {}): Telemetry => ({
  logger: new Logger({ serviceName: SERVICE_NAME, jsonReplacerFn: redactingJsonReplacer, ...(options.logLevel ? { logLevel: options.logLevel } : {}) }),
  metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME, ...(options.metricsOutput ? { logger: options.metricsOutput } : {}) }),
});

/** Adapts Powertools Metrics (EMF, flushed by the middy middleware) to the steps' narrow sink. */
export const metricsSink = (metrics: Metrics): MetricsSink => ({
  count: (name, value) => metrics.addMetric(name, MetricUnit.Count, value),
  usd: (name, value) => metrics.addMetric(name, MetricUnit.NoUnit, value),
});
