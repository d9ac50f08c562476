// The card section of a blocked call: cors-doctor's explanation and the CDK change that fixes the call,
// asked of the lab server's /doctor endpoint (which works them out from the exchanges the gateway saw and
// the chapter's cloud assembly). One request per run of a call; the answer is kept for the run's tag.

/** tag → Promise of the doctor's answer */
const answers = new Map();

function ask(folder, call, tag) {
  let answer = answers.get(tag);
  if (answer === undefined) {
    const query = new URLSearchParams({ chapter: folder, call: call.id, tag });
    answer = (async () => {
      // The gateway reports a call's exchanges as it answers; ask again once if the doctor saw too few.
      for (let attempt = 0; ; attempt++) {
        const response = await fetch(`/doctor?${query}`);
        const body = await response.json();
        if (!response.ok) throw new Error(body.error ?? `the lab answered ${response.status}`);
        if (body.verdict !== 'unknown' || attempt > 0) return body;
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    })();
    answers.set(tag, answer);
  }
  return answer;
}

function node(tag, className, ...children) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  for (const child of children) element.append(child);
  return element;
}

/**
 * The doctor's pane of a card: empty unless the call ran and the browser blocked it.
 * @param {string} folder - the chapter's folder, e.g. 01-rest-proxy
 * @param {object} call - the call of lab.json
 * @param {{ status: string, tag: string, result?: { verdict: string } } | undefined} run - its latest run
 * @returns {HTMLElement | undefined}
 */
export function doctorPane(folder, call, run) {
  if (run?.status !== 'done' || run.result.verdict !== 'blocked') return undefined;
  const pane = node(
    'div',
    'doctor',
    node('h4', '', 'cors-doctor'),
    node('p', 'pending', 'Working out why …'),
  );
  ask(folder, call, run.tag).then(
    (answer) => {
      const parts = [node('h4', '', 'cors-doctor')];
      if (answer.verdict === 'unknown') {
        parts.push(node('p', 'pending', `The doctor cannot tell: ${answer.reason}`));
      } else {
        for (const paragraph of (answer.explanation ?? answer.reason).split('\n\n'))
          parts.push(node('p', '', paragraph));
        if (answer.fix) {
          parts.push(node('p', 'fix', node('b', '', 'The fix: '), answer.fix.summary));
          parts.push(node('pre', 'code', answer.fix.code));
        }
      }
      pane.replaceChildren(...parts);
    },
    (error) =>
      pane.replaceChildren(
        node('h4', '', 'cors-doctor'),
        node('p', 'refused', `The doctor failed: ${error.message}`),
      ),
  );
  return pane;
}

/** The same pane as a card section, for a lab whose cards take extra sections (`addCardSection`). */
export const doctorSection = {
  id: 'doctor',
  render: ({ chapter, call, run }) => doctorPane(chapter.folder, call, run),
};
