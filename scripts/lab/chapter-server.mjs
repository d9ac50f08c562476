// One chapter as the lab serves it: its APIs on the local gateway (which swaps in each new synth on the same
// ports), its lab.json calls, and an honest status — serving, refused, failing to synthesize — that the lab
// page counts. With a synth service it also watches the chapter and re-synthesizes it on every edit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayConfigError, staleAssemblyWarning, startGateway } from '@cors-workshop/gateway';
import { readLabSpec } from '@cors-workshop/testing';
import { watchChapter } from './chapter-watchers.mjs';
import { chapterTitle, isCdkApp } from './chapters.mjs';
import { chapterPortTaken, PortsTakenError } from './ports.mjs';
import { repoUrl } from './repo-files.mjs';
import { StageLog } from './stages.mjs';

/** An editor writes a file in several steps: wait this long after the last change before synthesizing. */
const SETTLE_MS = 60;

const RELOADED = 'reloaded ';
const RELOAD_REFUSED = 'reload refused, still serving the previous version: ';
const NEW_API = ' is new: restart the gateway to serve it';

/**
 * @typedef {'serving' | 'refused' | 'synth-failed' | 'not-synthesized' | 'lab-invalid'} ChapterStatus
 * Anything but `serving` counts as failing in the lab, with `problem` saying why.
 */

export class ChapterServer {
  /** @type {ChapterStatus} */
  status = 'not-synthesized';
  /** Why the chapter is failing; undefined while it serves as it is. */
  problem;
  /** Things to know that do not make it fail, e.g. that cdk.out is older than the sources. */
  notes = [];
  apis = [];
  calls = [];
  /** Grows on every (re)load, so that the lab page knows to run the chapter's calls again. */
  generation = 0;
  /** `synthesizing` while a synth of an edit runs. */
  activity;
  /** The chapter's lab.json, when it has one that reads. */
  spec;
  #chapter;
  #port;
  #log;
  #onChange;
  #onExchange;
  #stages = new StageLog();
  #gateway;
  #restartNeeded = false;
  #service;
  #watchers = [];
  #timer;
  #labTimer;
  #synthesizing = false;
  #pendingReason;
  #closed = false;

  /**
   * @param {object} options
   * @param {{ folder: string, number: number, dir: string }} options.chapter
   * @param {number} options.port - the first API's port (0: free ports)
   * @param {(line: string) => void} [options.log] - the gateway's request lines and the reload notes
   * @param {(server: ChapterServer) => void} [options.onChange] - after every change of status or calls
   * @param {(exchange: object, stages: object) => void} [options.onExchange] - every exchange, with the
   *   pipeline stages the gateway logged for it
   */
  constructor({ chapter, port, log = () => {}, onChange = () => {}, onExchange = () => {} }) {
    this.#chapter = chapter;
    this.#port = port;
    this.#log = log;
    this.#onChange = onChange;
    this.#onExchange = onExchange;
  }

  get folder() {
    return this.#chapter.folder;
  }

  /** Whether the lab must count the chapter as failing. */
  get failing() {
    return this.status !== 'serving';
  }

  /**
   * Reads lab.json and serves cdk.out, unless `failedSynth` says why the synth that should have written it
   * failed (what cdk.out still holds would show an older lesson).
   * @throws PortsTakenError when the chapter's port is taken
   */
  async start(failedSynth) {
    this.#readCalls();
    if (failedSynth !== undefined) {
      this.#fail('synth-failed', failedSynth);
      return;
    }
    await this.#serve();
  }

  /**
   * Watches the chapter's sources and lab.json; an edit of a source is synthesized by `service` and served
   * by the gateway on the same ports, an edit of lab.json changes the calls. A chapter never synthesized is
   * synthesized now.
   */
  watch(service) {
    this.#service = service;
    const listeners = {
      onSource: (file) => this.#schedule(file),
      onLabSpec: () => this.#labChanged(),
      log: (line) => this.#log(line),
    };
    watchChapter(this.#chapter, listeners, this.#watchers);
    if (this.status === 'not-synthesized' && isCdkApp(this.#chapter)) this.#schedule('not synthesized yet');
  }

  /** What /chapters.json and the lab's events say about the chapter. */
  snapshot() {
    return {
      folder: this.#chapter.folder,
      title: chapterTitle(this.#chapter, this.spec),
      readme: `chapters/${this.#chapter.folder}/README.md`,
      lesson: repoUrl(`chapters/${this.#chapter.folder}/README.md`),
      status: this.status,
      problem: this.problem,
      notes: this.notes,
      apis: this.apis,
      calls: this.calls,
      generation: this.generation,
      activity: this.activity,
    };
  }

  /** Stops watching and closes the gateway. */
  async close() {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const watcher of this.#watchers) watcher.close();
    await this.#gateway?.close();
    this.#gateway = undefined;
  }

  async #serve() {
    const source = join(this.#chapter.dir, 'cdk.out');
    if (!existsSync(join(source, 'manifest.json'))) {
      this.#fail(
        'not-synthesized',
        `it is not synthesized yet: run "pnpm --filter ./chapters/${this.#chapter.folder} run synth"`,
      );
      return;
    }
    const stale = staleAssemblyWarning(source);
    try {
      this.#gateway = await startGateway({
        source,
        port: this.#port,
        watch: true,
        logger: this.#logger(source),
        onExchange: (exchange) => this.#onExchange(exchange, this.#stages.take(exchange)),
      });
    } catch (error) {
      if (error instanceof GatewayConfigError) {
        // A template AWS would refuse: say so here and in the lab, and serve the other chapters.
        this.#log(`the local gateway refuses to serve it: ${error.message}`);
        this.#fail('refused', `the local gateway refuses to serve it: ${error.message}`);
        return;
      }
      if (error?.code === 'EADDRINUSE') {
        throw new PortsTakenError(chapterPortTaken(this.#chapter.folder, this.#port));
      }
      throw error;
    }
    this.apis = this.#gateway.apis.map(({ logicalId, kind, url }) => ({ logicalId, kind, url }));
    this.notes = stale === undefined ? [] : [stale];
    if (stale !== undefined) this.#log(`warning: ${stale}`);
    this.#loaded();
  }

  #logger(source) {
    return {
      verbose: true,
      info: (line) => {
        if (line === `${RELOADED}${source}`) this.#reloaded();
        else if (!line.startsWith('watching ')) this.#log(line);
      },
      error: (line) => {
        this.#log(line);
        if (line.startsWith(RELOAD_REFUSED)) {
          this.#fail(
            'refused',
            `the local gateway refuses the new synth: ${line.slice(RELOAD_REFUSED.length)}`,
          );
        } else if (line.endsWith(NEW_API)) {
          this.#restartNeeded = true;
        }
      },
      debug: (line) => this.#stages.record(line),
    };
  }

  async #reloaded() {
    if (this.#restartNeeded) {
      // The template has an API the running gateway has no port for: serve the chapter afresh.
      this.#restartNeeded = false;
      await this.#gateway?.close();
      this.#gateway = undefined;
      if (!this.#closed) await this.#serve();
      return;
    }
    this.notes = [];
    this.#loaded();
  }

  #loaded() {
    if (this.status !== 'lab-invalid') {
      this.status = 'serving';
      this.problem = undefined;
    }
    this.generation += 1;
    this.#onChange(this);
  }

  #fail(status, problem) {
    this.status = status;
    this.problem = problem;
    this.#onChange(this);
  }

  #readCalls() {
    const file = join(this.#chapter.dir, 'lab.json');
    this.spec = undefined;
    this.calls = [];
    if (!existsSync(file)) return true;
    try {
      this.spec = readLabSpec(file);
      this.calls = this.spec.calls;
      return true;
    } catch (error) {
      this.status = 'lab-invalid';
      this.problem = `its lab.json cannot be read: ${error.message}`;
      return false;
    }
  }

  #labChanged() {
    clearTimeout(this.#labTimer);
    this.#labTimer = setTimeout(() => {
      const wasInvalid = this.status === 'lab-invalid';
      if (this.#readCalls() && wasInvalid) {
        this.status = this.#gateway ? 'serving' : 'not-synthesized';
        this.problem = undefined;
      }
      this.generation += 1;
      this.#onChange(this);
    }, SETTLE_MS);
  }

  #schedule(reason) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#synth(reason), SETTLE_MS);
  }

  async #synth(reason) {
    if (this.#closed || this.#service === undefined) return;
    if (this.#synthesizing) {
      this.#pendingReason = reason;
      return;
    }
    this.#synthesizing = true;
    this.activity = 'synthesizing';
    this.#onChange(this);
    try {
      const { ms } = await this.#service.synth(this.#chapter.dir);
      this.#log(`synthesized (${reason}) in ${ms} ms`);
      this.activity = undefined;
      // A running gateway sees the new manifest.json and reloads; a chapter not served yet is served now.
      if (this.#gateway === undefined && !this.#closed) await this.#serve();
      else this.#onChange(this);
    } catch (error) {
      if (this.#closed) return;
      this.#log(`synth failed (${reason}): ${error.message}`);
      this.activity = undefined;
      this.#fail(
        'synth-failed',
        `its synth failed after the edit of ${reason}${this.#gateway ? ' (the lab still shows the previous version)' : ''}: ${error.message}`,
      );
    } finally {
      this.#synthesizing = false;
      this.activity = undefined;
      const again = this.#pendingReason;
      this.#pendingReason = undefined;
      if (again !== undefined) void this.#synth(again);
    }
  }
}
