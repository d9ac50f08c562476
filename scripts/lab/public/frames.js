// The hidden frames that make the lab's calls from the page origins the calls name (http://localhost:5173,
// …): each runs runner.js, which fetches with callFromPage and posts back what that page could see.

const FRAME_TIMEOUT_MS = 10_000;
const CALL_TIMEOUT_MS = 30_000;

const frames = new Map();
const replies = new Map();
let nextId = 0;
let container;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

window.addEventListener('message', (event) => {
  const data = event.data ?? {};
  if (typeof data.ready === 'string' && data.ready === event.origin) {
    frames.get(event.origin)?.resolve();
    return;
  }
  const reply = replies.get(data.id);
  if (reply === undefined || reply.origin !== event.origin) return;
  replies.delete(data.id);
  reply.resolve(data);
});

/** Where the frames go: a hidden element of the page. */
export function useFrameContainer(element) {
  container = element;
}

function frameFor(origin) {
  let frame = frames.get(origin);
  if (frame === undefined) {
    let resolve;
    const ready = new Promise((done) => {
      resolve = done;
    });
    const iframe = document.createElement('iframe');
    iframe.src = `${origin}/runner.html`;
    iframe.title = `runner on ${origin}`;
    container.append(iframe);
    const timeout = sleep(FRAME_TIMEOUT_MS).then(() => {
      throw new Error(`the page on ${origin} did not load; is the lab serving that origin?`);
    });
    frame = { iframe, resolve, ready: Promise.race([ready, timeout]) };
    frames.set(origin, frame);
  }
  return frame;
}

/**
 * Makes a call from a page on `origin`, or from this page when it is the lab's own origin.
 * @returns {Promise<object>} what the page saw (see callFromPage)
 */
export async function callFrom(origin, request) {
  const frame = frameFor(origin);
  await frame.ready;
  const id = ++nextId;
  const answer = new Promise((resolve) => replies.set(id, { origin, resolve }));
  frame.iframe.contentWindow.postMessage({ id, request }, origin);
  const timeout = sleep(CALL_TIMEOUT_MS).then(() => ({
    error: `no answer within ${CALL_TIMEOUT_MS / 1000} s`,
  }));
  const data = await Promise.race([answer, timeout]);
  if (data.error) throw new Error(data.error);
  return data.result;
}
