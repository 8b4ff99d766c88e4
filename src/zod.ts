/**
 * The one way into zod for the whole app: its tree-shakable functional API (zod/mini), set up once before any
 * schema is created. Every module that makes or names schemas imports `z` from here, never from 'zod' or
 * 'zod/mini' itself: a module's imports are evaluated before its body, so this runs first wherever the schemas are
 * used (the page, the worker, the command line, tests and scripts), none of which has to remember to import it.
 *
 * - English messages: zod/mini loads no locale (every message would be "Invalid input"), and the people using the
 *   page, the page API and the command line read these messages. Only the English locale is imported: the
 *   `z.locales` namespace would bundle every language.
 * - Jitless: zod can compile fast parsers with `new Function` after probing for it; under the page's
 *   Content-Security-Policy (script-src 'self', no 'unsafe-eval') the probe is reported as a violation. Jitless
 *   mode never compiles nor probes (see csp.ts).
 */
import * as z from 'zod/mini'
import en from 'zod/v4/locales/en.js'

z.config({ ...en(), jitless: true })

export { z }
