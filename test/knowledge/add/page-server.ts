import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Saved pages served by the test server. */
export const PAGES = join(import.meta.dirname, '..', 'pages');

type Route = (request: IncomingMessage, response: ServerResponse) => void;

const html =
  (file: string): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(readFileSync(join(PAGES, file)));
  };

const redirect =
  (to: string): Route =>
  (_request, response) => {
    response.writeHead(302, { location: to });
    response.end();
  };

const SIX_MB = 6 * 1024 * 1024;

/** The routes of the fake news site: realistic pages and every way a fetch can go wrong. */
const ROUTES: Record<string, Route> = {
  '/news/2025/05/09/kaiser-therapists-riverside-strike/': html('ledger-news.html'),
  '/a/ca-regulator-kaiser-review-2025': html('wire-portal.html'),
  '/health/': html('section-front.html'),
  '/short-link': redirect('/news/2025/05/09/kaiser-therapists-riverside-strike/'),
  '/loop-a': redirect('/loop-b'),
  '/loop-b': redirect('/loop-a'),
  '/report.pdf': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/pdf' });
    response.end('%PDF-1.7\n');
  },
  '/gone': (_request, response) => {
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end('<html><body>Not found</body></html>');
  },
  '/slow': () => {
    // Never answers: the client's time limit has to end the request.
  },
  '/huge': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(SIX_MB) });
    response.end('<html>'.padEnd(SIX_MB, ' '));
  },
  '/huge-chunked': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < SIX_MB) {
        sent += chunk.length;
        if (!response.write(chunk)) return response.once('drain', pump);
      }
      response.end();
    };
    pump();
  },
};

/** A running fake site on 127.0.0.1. */
export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

/** Starts the fake site on a free port of 127.0.0.1. */
export async function startPageServer(): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const route = ROUTES[new URL(request.url ?? '/', 'http://x').pathname];
    if (route) route(request, response);
    else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
