// Ports the workshop needs, and the one sentence that says who holds a taken one.
import { createServer } from 'node:net';

/** Thrown when a port the workshop needs is taken; its message is one sentence for the terminal. */
export class PortsTakenError extends Error {
  name = 'PortsTakenError';
}

/** Whether nothing listens on 127.0.0.1:port (it is bound for a moment, then released). */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The sentence `pnpm start` says when a chapter's port is taken. */
export function chapterPortTaken(folder, port) {
  return (
    `Port ${port}, where pnpm start serves ${folder}, is taken: is "pnpm --filter ./chapters/${folder} run dev" ` +
    'running? Stop it (pnpm start reloads every chapter on each edit itself), or free the port, and try again.'
  );
}

/** The sentence `pnpm run dev` says when its chapter's port is taken, by the workshop or by something else. */
export function devPortTaken(folder, port, byWorkshop) {
  return byWorkshop
    ? `pnpm start already serves ${folder} on port ${port} and reloads it on every edit: use the lab ` +
        '(http://localhost:3000/), or stop pnpm start before running dev.'
    : `Port ${port}, where dev serves ${folder}, is taken by another program: stop it, or pick another port ` +
        `with PORT=${port + 99} pnpm run dev.`;
}
