// Runs inside a hidden frame on one of the lab's page origins (e.g. http://localhost:5173): makes the calls
// the lab page sends it, from this origin, and answers with what the page could see.
import { callFromPage } from '/lib/page-call.js';

const { labOrigin, apiOrigins } = JSON.parse(document.getElementById('config').textContent);

window.addEventListener('message', async (event) => {
  if (event.origin !== labOrigin || event.source !== window.parent) return;
  const { id, request } = event.data ?? {};
  let target;
  try {
    target = new URL(request?.url).origin;
  } catch {
    target = undefined;
  }
  if (!apiOrigins.includes(target)) {
    window.parent.postMessage(
      { id, error: `the runner only calls the workshop's APIs, not ${request?.url}` },
      labOrigin,
    );
    return;
  }
  window.parent.postMessage({ id, result: await callFromPage(request) }, labOrigin);
});

window.parent.postMessage({ ready: window.location.origin }, labOrigin);
