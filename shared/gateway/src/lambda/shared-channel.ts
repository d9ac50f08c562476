/// <reference lib="es2024.sharedmemory" />
/**
 * The invoke → result hand-off between the gateway and one Lambda execution environment, over memory both
 * threads share. Waking a thread through a `SharedArrayBuffer` (`Atomics.notify`, `Atomics.waitAsync`) costs
 * about half of a `postMessage` round trip, and an environment runs one invocation at a time, so this
 * round trip is on the path of every request. Neither side ever blocks: both wait with `Atomics.waitAsync`,
 * so the function's own timers and promises keep running, between invocations too.
 * @module
 */

/** Slots of the control block (`Int32Array`). */
const REQUEST_SEQ = 0;
const RESULT_SEQ = 1;
const REQUEST_ID_BYTES = 2;
const EVENT_BYTES = 3;
const RESULT_BYTES = 4;
const MESSAGES_SENT = 5;
const CONTROL_BYTES = 32;
/** Where the deadline is (`Float64Array` index). */
const DEADLINE_INDEX = CONTROL_BYTES / 8;
const DATA_OFFSET = CONTROL_BYTES + 8;

/** What `RESULT_SEQ`'s data length says when the outcome went by message instead (an error, a large result). */
const BY_MESSAGE = -1;
/** A `RESULT_SEQ` no invocation has: the environment is gone. */
const RELEASED = -1;

/**
 * The bytes a channel holds for an event or a result; a larger one goes by `postMessage`.
 * @default 128 KiB
 */
export const SHARED_CHANNEL_CAPACITY = 128 * 1024;

/** An invocation as the environment reads it from the channel. */
export interface ChannelRequest {
  readonly requestId: string;
  readonly event: string;
  /** Epoch milliseconds at which the function times out. */
  readonly deadline: number;
}

/** How the environment finished the invocation the gateway is waiting for. */
export interface ChannelResult {
  /** The result's JSON, or `undefined` when the outcome was posted as a message instead. */
  readonly payload: string | undefined;
  /** How many messages the environment had posted when it finished: the outcome is known once all arrived. */
  readonly messagesSent: number;
}

/**
 * One environment's shared memory: a control block, the deadline, and a data region that holds the event
 * on the way in and the result on the way out (never both: the event is read before the result is written).
 * Each side keeps its own view of the same `SharedArrayBuffer`.
 */
export class SharedChannel {
  /** The memory to hand to the other thread (in `workerData`). */
  readonly buffer: SharedArrayBuffer;
  readonly #control: Int32Array;
  readonly #deadline: Float64Array;
  readonly #data: Buffer;

  /** @param buffer - an existing channel's memory (the worker's side); a new one by default */
  constructor(buffer = new SharedArrayBuffer(DATA_OFFSET + SHARED_CHANNEL_CAPACITY)) {
    this.buffer = buffer;
    this.#control = new Int32Array(buffer, 0, CONTROL_BYTES / 4);
    this.#deadline = new Float64Array(buffer, 0, DEADLINE_INDEX + 1);
    this.#data = Buffer.from(buffer, DATA_OFFSET, buffer.byteLength - DATA_OFFSET);
  }

  /**
   * The gateway's side: hands an invocation to the environment and wakes it.
   * @returns the invocation's sequence number, or `undefined` when it does not fit (send it by message)
   */
  sendRequest(request: ChannelRequest): number | undefined {
    const idBytes = this.#write(request.requestId, 0);
    if (idBytes === undefined) return undefined;
    const eventBytes = this.#write(request.event, idBytes);
    if (eventBytes === undefined) return undefined;
    const control = this.#control;
    control[REQUEST_ID_BYTES] = idBytes;
    control[EVENT_BYTES] = eventBytes;
    this.#deadline[DEADLINE_INDEX] = request.deadline;
    let seq = (control[REQUEST_SEQ]! + 1) | 0;
    if (seq === RELEASED || seq === 0) seq = 1;
    Atomics.store(control, REQUEST_SEQ, seq);
    Atomics.notify(control, REQUEST_SEQ, 1);
    return seq;
  }

  /**
   * The gateway's side: waits for the environment to finish invocation `seq`. Resolves with `undefined` if
   * {@link SharedChannel.release} is called first (the environment died), or if the environment has already
   * moved on to a later invocation.
   */
  async awaitResult(seq: number): Promise<ChannelResult | undefined> {
    const control = this.#control;
    let current = Atomics.load(control, RESULT_SEQ);
    // Earlier invocations may still be finishing (their outcome went by message): wait past them.
    while (current !== RELEASED && isBefore(current, seq)) {
      const wait = Atomics.waitAsync(control, RESULT_SEQ, current);
      if (wait.async) await wait.value;
      current = Atomics.load(control, RESULT_SEQ);
    }
    if (current !== seq) return undefined;
    const bytes = control[RESULT_BYTES]!;
    return {
      payload: bytes === BY_MESSAGE ? undefined : this.#data.toString('utf8', 0, bytes),
      messagesSent: control[MESSAGES_SENT]!,
    };
  }

  /** The gateway's side: ends a pending {@link SharedChannel.awaitResult} for good. */
  release(): void {
    Atomics.store(this.#control, RESULT_SEQ, RELEASED);
    Atomics.notify(this.#control, RESULT_SEQ);
  }

  /**
   * The environment's side: the next invocation after `lastSeq` (0 before the first), if one comes within
   * `ms` milliseconds. This blocks the thread, its event loop included, but a blocked thread is woken far
   * more cheaply than one waiting in its event loop: call it only between invocations, and briefly.
   */
  takeRequest(lastSeq: number, ms: number): { seq: number; request: ChannelRequest } | undefined {
    if (Atomics.load(this.#control, REQUEST_SEQ) === lastSeq) Atomics.wait(this.#control, REQUEST_SEQ, lastSeq, ms);
    const seq = Atomics.load(this.#control, REQUEST_SEQ);
    return seq === lastSeq ? undefined : { seq, request: this.#readRequest() };
  }

  /** The environment's side: waits, without blocking, for the next invocation after `lastSeq`. */
  async nextRequest(lastSeq: number): Promise<{ seq: number; request: ChannelRequest }> {
    const control = this.#control;
    let seq = Atomics.load(control, REQUEST_SEQ);
    while (seq === lastSeq) {
      const wait = Atomics.waitAsync(control, REQUEST_SEQ, lastSeq);
      if (wait.async) await wait.value;
      seq = Atomics.load(control, REQUEST_SEQ);
    }
    return { seq, request: this.#readRequest() };
  }

  /** The gateway's side: wakes an environment blocked in {@link SharedChannel.takeRequest} (a message came). */
  wake(): void {
    Atomics.notify(this.#control, REQUEST_SEQ);
  }

  #readRequest(): ChannelRequest {
    const control = this.#control;
    const idBytes = control[REQUEST_ID_BYTES]!;
    return {
      requestId: this.#data.toString('utf8', 0, idBytes),
      event: this.#data.toString('utf8', idBytes, idBytes + control[EVENT_BYTES]!),
      deadline: this.#deadline[DEADLINE_INDEX]!,
    };
  }

  /**
   * The environment's side: finishes invocation `seq` and wakes the gateway.
   * @param payload - the result's JSON; `undefined` when the outcome was posted as a message
   * @param messagesSent - how many messages the environment has posted so far
   * @returns false when the payload does not fit: post it, then call again without one
   */
  sendResult(seq: number, payload: string | undefined, messagesSent: number): boolean {
    const control = this.#control;
    let bytes = BY_MESSAGE;
    if (payload !== undefined) {
      const written = this.#write(payload, 0);
      if (written === undefined) return false;
      bytes = written;
    }
    control[RESULT_BYTES] = bytes;
    control[MESSAGES_SENT] = messagesSent;
    Atomics.store(control, RESULT_SEQ, seq);
    Atomics.notify(control, RESULT_SEQ, 1);
    return true;
  }

  /** Writes `text` as UTF-8 at `offset` of the data region; its byte length, or `undefined` if it does not fit. */
  #write(text: string, offset: number): number | undefined {
    const room = this.#data.length - offset;
    // A UTF-16 code unit takes at most 3 bytes of UTF-8: most texts are decided without measuring them.
    if (text.length * 3 > room && Buffer.byteLength(text, 'utf8') > room) return undefined;
    return this.#data.write(text, offset, room, 'utf8');
  }
}

/** Whether invocation number `a` came before `b` (numbers wrap around after 2³¹ − 1). */
function isBefore(a: number, b: number): boolean {
  return ((b - a) | 0) > 0;
}
