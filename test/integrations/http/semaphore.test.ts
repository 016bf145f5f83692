import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../packages/integrations/src/http/semaphore';

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once and all of them eventually', async () => {
    // Prepare
    const semaphore = new Semaphore(4);
    let running = 0;
    let peak = 0;
    const task = async (i: number): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
      return i;
    };

    // Act
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => semaphore.run(() => task(i))));

    // Assess
    expect(peak).toBe(4);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('releases the permit when a task fails', async () => {
    // Prepare
    const semaphore = new Semaphore(1);

    // Act
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const after = await semaphore.run(async () => 'ran');

    // Assess
    expect(after).toBe('ran');
  });
});
