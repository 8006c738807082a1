import { Logger } from '@nestjs/common';
import { CircuitBreaker, CircuitOpenError } from '@revops/core';

const START = Date.parse('2025-01-01T00:00:00.000Z');
const COOLDOWN = 60_000;

/** A breaker on a clock that moves only when told to. */
function setup() {
  let time = START;
  const breaker = new CircuitBreaker({
    name: 'embedding-model',
    failureThreshold: 3,
    cooldownMs: COOLDOWN,
    now: () => time,
  });
  return { breaker, advance: (ms: number) => (time += ms) };
}

async function failTimes(breaker: CircuitBreaker, times: number, message = 'model crashed') {
  for (let i = 0; i < times; i++) {
    await expect(breaker.run(() => Promise.reject(new Error(message)))).rejects.toThrow(message);
  }
}

/** Work that finishes when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('CircuitBreaker', () => {
  let log: jest.SpyInstance;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('opens after the threshold of consecutive failures and then rejects without calling work', async () => {
    const { breaker } = setup();
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('closed');
    await failTimes(breaker, 1, 'connect ECONNREFUSED');
    expect(breaker.state).toBe('open');
    expect(breaker.canRun()).toBe(false);
    expect(breaker.retryAt).toEqual(new Date(START + COOLDOWN));
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({
        msg: 'Circuit opened',
        breaker: 'embedding-model',
        error: 'connect ECONNREFUSED',
      }),
    );

    const work = jest.fn(() => Promise.resolve('vector'));
    const rejection = breaker.run(work);
    await expect(rejection).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(rejection).rejects.toMatchObject({
      code: 'dependency_unavailable',
      message:
        'embedding-model is unavailable (last error: connect ECONNREFUSED); ' +
        'will retry after 2025-01-01T00:01:00.000Z',
      retryAt: new Date(START + COOLDOWN),
      cause: new Error('connect ECONNREFUSED'),
    });
    expect(work).not.toHaveBeenCalled();
  });

  it('counts only consecutive failures: a success in between starts the count again', async () => {
    const { breaker } = setup();
    await failTimes(breaker, 2);
    await expect(breaker.run(() => Promise.resolve(1))).resolves.toBe(1);
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('closed');
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('open');
  });

  it('lets one trial through after the cooldown, and closes when it succeeds', async () => {
    const { breaker, advance } = setup();
    await failTimes(breaker, 3);
    advance(COOLDOWN - 1);
    expect(breaker.state).toBe('open');
    advance(1);
    expect(breaker.state).toBe('half-open');
    expect(breaker.canRun()).toBe(true);

    await expect(breaker.run(() => Promise.resolve('vector'))).resolves.toBe('vector');
    expect(breaker.state).toBe('closed');
    expect(breaker.retryAt).toBeUndefined();
    expect(log).toHaveBeenCalledWith({ msg: 'Circuit closed', breaker: 'embedding-model' });
    // Closed with a fresh count: it takes the full threshold to open again.
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('closed');
  });

  it('reopens with a fresh cooldown when the trial fails', async () => {
    const { breaker, advance } = setup();
    await failTimes(breaker, 3);
    advance(COOLDOWN);
    await failTimes(breaker, 1, 'still down');
    expect(breaker.state).toBe('open');
    expect(breaker.retryAt).toEqual(new Date(START + 2 * COOLDOWN));
    await expect(breaker.run(() => Promise.resolve(1))).rejects.toMatchObject({
      cause: new Error('still down'),
    });
  });

  it('rejects other callers while the trial is running', async () => {
    const { breaker, advance } = setup();
    await failTimes(breaker, 3);
    advance(COOLDOWN);
    const trialWork = deferred<string>();
    const trial = breaker.run(() => trialWork.promise);
    expect(breaker.canRun()).toBe(false);

    const work = jest.fn(() => Promise.resolve('other'));
    await expect(breaker.run(work)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(work).not.toHaveBeenCalled();

    trialWork.resolve('vector');
    await expect(trial).resolves.toBe('vector');
    expect(breaker.state).toBe('closed');
    expect(breaker.canRun()).toBe(true);
  });

  it('does not let a call that began before the circuit opened extend the cooldown', async () => {
    const { breaker, advance } = setup();
    const slow = deferred<string>();
    const late = breaker.run(() => slow.promise);
    await failTimes(breaker, 3);
    advance(1000);
    slow.reject(new Error('timed out'));
    await expect(late).rejects.toThrow('timed out');
    expect(breaker.retryAt).toEqual(new Date(START + COOLDOWN));
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('rethrows the failure of the work unchanged', async () => {
    const { breaker } = setup();
    const error = new TypeError('bad input');
    await expect(breaker.run(() => Promise.reject(error))).rejects.toBe(error);
    await expect(breaker.run(() => Promise.reject('not an Error'))).rejects.toBe('not an Error');
  });
});
