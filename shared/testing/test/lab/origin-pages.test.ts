import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OriginPages, serveOriginPages } from '../../src/lab/origin-pages.js';

describe('serveOriginPages', () => {
  let pages: OriginPages;
  beforeAll(async () => {
    pages = await serveOriginPages();
  });
  afterAll(() => pages.close());

  it('answers / with a page naming the host it was asked for', async () => {
    const response = await request(`http://127.0.0.1:${pages.port}/`, {
      headers: { Host: 'localhost:5173' },
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(await response.body.text()).toContain('<title>localhost:5173</title>');
  });

  it('escapes the host it writes into the page', async () => {
    const response = await request(`http://127.0.0.1:${pages.port}/`, { headers: { Host: 'a<b' } });

    expect(await response.body.text()).toContain('<title>a&#60;b</title>');
  });

  it('answers the favicon with 204 and anything else with 404', async () => {
    const favicon = await request(`http://127.0.0.1:${pages.port}/favicon.ico`);
    const other = await request(`http://127.0.0.1:${pages.port}/other`);
    await favicon.body.dump();
    await other.body.dump();

    expect(favicon.statusCode).toBe(204);
    expect(other.statusCode).toBe(404);
  });

  it('maps every origin to itself for Chromium', () => {
    expect(pages.hostMap(['http://localhost:3000', 'http://localhost:5173'])).toEqual({
      'localhost:3000': `127.0.0.1:${pages.port}`,
      'localhost:5173': `127.0.0.1:${pages.port}`,
    });
  });
});
