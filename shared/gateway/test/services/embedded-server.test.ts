import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startEmbeddedServer } from '../../src/services/embedded-server.js';

describe('startEmbeddedServer', () => {
  it.for(['dynalite', 'kinesalite'] as const)(
    'runs %s in a thread of its own on a free port of 127.0.0.1 until it is closed',
    async (name) => {
      const server = await startEmbeddedServer(name);
      const answered = await request(server.url, { method: 'POST', body: '{}' });
      await answered.body.dump();

      await server.close();

      expect(await server.stopped).toBe('closed');
      expect(server.name).toBe(name);
      expect(server.url.hostname).toBe('127.0.0.1');
      expect(answered.statusCode).toBeGreaterThanOrEqual(400);
      await expect(request(server.url, { method: 'POST', body: '{}' })).rejects.toThrow();
    },
  );

  it('runs two servers side by side, each on a port of its own', async () => {
    const [first, second] = await Promise.all([
      startEmbeddedServer('dynalite'),
      startEmbeddedServer('dynalite'),
    ]);

    expect(first.url.port).not.toBe(second.url.port);
    await Promise.all([first.close(), second.close()]);
  });
});
