/**
 * Zod can compile fast parsers with `new Function`, and probes for it first. Under the page's
 * Content-Security-Policy (script-src 'self', no 'unsafe-eval') that probe fails and, though zod catches it, is
 * reported as a violation. Jitless mode parses without it and never probes. It must be set before any schema is
 * created, so this module is imported first by every entry point that runs in a browser (main.tsx, the worker).
 * The setting itself is in zod.ts, with zod's English messages: every module that makes schemas imports `z` from
 * there too, so the command line, tests and scripts, which do not import this module, are configured alike.
 */
import './zod'
