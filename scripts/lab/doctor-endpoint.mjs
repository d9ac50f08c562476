// The lab's `/doctor` endpoint: for a call the page made, cors-doctor's verdict, explanation and CDK fix,
// worked out from the exchanges the chapter's gateway reported (`explainExchanges`: nothing is sent again)
// and the chapter's cloud assembly. The page asks it about every blocked call (public/blocked-call-fix.js).
import { join } from 'node:path';
import { explainExchanges } from '@cors-workshop/doctor';
// The same helpers the lab page uses (the testing package's index would load vitest).
import { taggedUrl, tagOf } from '../../shared/testing/dist/lab/page-call.js';

/** The exchanges of this many recent tags are kept. */
const KEPT_TAGS = 500;

/**
 * @param {object} options
 * @param {string} options.root - the repository root
 * @param {() => { chapters: object[] } | undefined} options.chapters - what /chapters.json answers
 */
export function createDoctorEndpoint({ root, chapters }) {
  /** tag → the exchanges the gateway reported for it, in order */
  const byTag = new Map();

  return {
    /** Keeps an exchange a gateway reported, when a lab call made it. */
    record(exchange) {
      const tag = tagOf(exchange.request.url);
      if (tag === undefined) return;
      const list = byTag.get(tag) ?? [];
      list.push(exchange);
      byTag.delete(tag);
      byTag.set(tag, list);
      if (byTag.size > KEPT_TAGS) byTag.delete(byTag.keys().next().value);
    },

    /**
     * Answers `GET /doctor?chapter=<folder>&call=<id>&tag=<tag>` with the diagnosis as JSON.
     * @returns {Promise<void>}
     */
    async handle(url, response) {
      const send = (status, body) =>
        response
          .writeHead(status, {
            'Content-Type': 'application/json; charset=utf-8',
            'Cache-Control': 'no-store',
          })
          .end(JSON.stringify(body));
      const chapter = chapters()?.chapters.find(
        (candidate) => candidate.folder === url.searchParams.get('chapter'),
      );
      const call = chapter?.calls.find((candidate) => candidate.id === url.searchParams.get('call'));
      const api = chapter?.apis.find((candidate) => candidate.logicalId === call?.api);
      const tag = url.searchParams.get('tag') ?? '';
      if (call === undefined || api === undefined) {
        send(404, { error: 'no such chapter, call or API' });
        return;
      }
      try {
        const diagnosis = await explainExchanges({
          url: taggedUrl(api.url, call, tag),
          origin: call.origin,
          method: call.method,
          headers: Object.entries(call.headers),
          ...(call.body === undefined ? {} : { body: call.body }),
          credentials: call.credentials,
          readHeaders: call.expect.readable ?? [],
          exchanges: byTag.get(tag) ?? [],
          assembly: join(root, 'chapters', chapter.folder, 'cdk.out'),
          api: api.logicalId,
        });
        send(200, {
          verdict: diagnosis.verdict,
          step: diagnosis.step ?? null,
          reason: diagnosis.reason,
          explanation: diagnosis.explanation ?? null,
          fix: diagnosis.fix ?? null,
        });
      } catch (error) {
        send(500, { error: String(error?.message ?? error) });
      }
    },
  };
}
