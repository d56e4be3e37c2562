/** Command-line parsing for `npm start` and `npm run cli`, built on node:util's parseArgs. */
import { parseArgs } from 'node:util';

export interface StartOptions {
  browser: boolean;
  port: number;
  open: boolean;
  source: string | null;
  help: boolean;
}

export function parseStartArgs(argv: readonly string[]): StartOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      browser: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not ${values.port}`);
  if (positionals.length > 1) throw new Error(`Open one article at a time (got ${positionals.length}).`);
  return { browser: values.browser, port, open: !values['no-open'], source: positionals[0] ?? null, help: values.help };
}
