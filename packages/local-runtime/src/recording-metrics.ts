import type { MetricName, MetricsSink } from '@agentic-pm/agent';

/** Stands in for CloudWatch EMF locally: keeps every data point so runs and benchmarks can count them. */
export class RecordingMetrics implements MetricsSink {
  readonly points: Array<{ name: MetricName; value: number }> = [];
  count(name: MetricName, value: number): void {
    this.points.push({ name, value });
  }
  usd(name: MetricName, value: number): void {
    this.points.push({ name, value });
  }
  total(name: MetricName): number {
    return this.points.filter((p) => p.name === name).reduce((sum, p) => sum + p.value, 0);
  }
}
