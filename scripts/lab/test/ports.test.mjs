import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { chapterPortTaken, devPortTaken, isPortFree } from '../ports.mjs';
import { checkChapterPorts, PortsTakenError } from '../workshop.mjs';

describe('the ports of the workshop', () => {
  it('tells a taken port from a free one, and checkChapterPorts names the chapter and the dev that holds it', async () => {
    const holder = createServer();
    await new Promise((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address();
    try {
      const chapter = { folder: '07-held', number: 7, dir: '/nowhere' };

      expect(await isPortFree(port)).toBe(false);
      await expect(checkChapterPorts([chapter], () => port)).rejects.toThrow(PortsTakenError);
      await expect(checkChapterPorts([chapter], () => port)).rejects.toThrow(
        chapterPortTaken('07-held', port),
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
    expect(await isPortFree(port)).toBe(true);
  });

  it('says in one sentence who holds a port and what to do', () => {
    expect(chapterPortTaken('01-rest-proxy', 3100)).toBe(
      'Port 3100, where pnpm start serves 01-rest-proxy, is taken: is "pnpm --filter ./chapters/01-rest-proxy run dev" running? Stop it (pnpm start reloads every chapter on each edit itself), or free the port, and try again.',
    );
    expect(devPortTaken('01-rest-proxy', 3100, true)).toBe(
      'pnpm start already serves 01-rest-proxy on port 3100 and reloads it on every edit: use the lab (http://localhost:3000/), or stop pnpm start before running dev.',
    );
  });
});
