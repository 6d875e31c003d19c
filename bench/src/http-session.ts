import http from 'node:http';

/**
 * One browser-like connection: its own keep-alive socket, and the CSRF header
 * and Origin a browser of the product sends; each request names its session.
 */
export class HttpSession {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly baseUrl: string) {}

  /** POSTs a tRPC mutation as the person of `cookie`; true when the server answered 200. */
  mutate(cookie: string, procedure: string, input: unknown): Promise<boolean> {
    return this.request(cookie, 'POST', `/trpc/${procedure}`, JSON.stringify(input));
  }

  /** GETs a tRPC query; true when the server answered 200. */
  query(cookie: string, procedure: string, input: unknown): Promise<boolean> {
    const encoded = encodeURIComponent(JSON.stringify(input));
    return this.request(cookie, 'GET', `/trpc/${procedure}?input=${encoded}`, null);
  }

  private request(
    cookie: string,
    method: string,
    path: string,
    body: string | null,
  ): Promise<boolean> {
    const url = new URL(path, this.baseUrl);
    return new Promise((resolve) => {
      const req = http.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            cookie,
            origin: this.baseUrl,
            'x-aegira-csrf': '1',
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200));
        },
      );
      req.on('error', () => resolve(false));
      if (body) req.write(body);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
