import { freePort } from '@server/test/http-browser.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';

/**
 * A test app whose support mailbox listens on a free port. Another process may take the port
 * between finding it free and listening on it, so a start that finds it taken tries another.
 */
export async function startAppWithSmtp(env: Record<string, string>): Promise<{ t: TestApp; smtpPort: number }> {
  for (let attempt = 1; ; attempt++) {
    const smtpPort = await freePort();
    try {
      return { t: await startTestApp({ ...env, SUPPORT_SMTP_PORT: String(smtpPort) }), smtpPort };
    } catch (err) {
      if (attempt >= 5 || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
}
