// Runs inside a hidden frame on one of the lab's page origins (e.g. http://localhost:5173): makes the calls
// the lab page sends it, from this origin, and answers with what the page could see.
import { callFromPage } from '/lib/page-call.js';

const { labOrigin } = JSON.parse(document.getElementById('config').textContent);
let { apiOrigins } = JSON.parse(document.getElementById('config').textContent);

/** Whether the workshop serves an API on `origin`; asks the lab again for an origin it did not know. */
async function isWorkshopApi(origin) {
  if (apiOrigins.includes(origin)) return true;
  // A chapter served after this page loaded (fixed by an edit, say) has a new port.
  const response = await fetch('/runner-config.json', { cache: 'no-store' });
  ({ apiOrigins } = await response.json());
  return apiOrigins.includes(origin);
}

window.addEventListener('message', async (event) => {
  if (event.origin !== labOrigin || event.source !== window.parent) return;
  const { id, request } = event.data ?? {};
  let target;
  try {
    target = new URL(request?.url).origin;
  } catch {
    target = undefined;
  }
  if (target === undefined || !(await isWorkshopApi(target))) {
    window.parent.postMessage(
      { id, error: `the runner only calls the workshop's APIs, not ${request?.url}` },
      labOrigin,
    );
    return;
  }
  window.parent.postMessage({ id, result: await callFromPage(request) }, labOrigin);
});

window.parent.postMessage({ ready: window.location.origin }, labOrigin);
