/**
 * Zod compiles fast object parsers with `new Function`, and probes for it first. Under the page's
 * Content-Security-Policy (script-src 'self', no 'unsafe-eval') that probe fails and, though zod catches it, is
 * reported as a violation. Jitless mode parses without it and never probes. It must be set before any schema is
 * created, so this module is imported first by every entry point that runs in a browser (main.tsx, the worker).
 */
import { z } from 'zod'

z.config({ jitless: true })
