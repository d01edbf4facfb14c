// Evaluated before `ts.ts` requires the compiler (ES modules run their imports first).
import { preloadWithCodeCache } from '../../../core/code-cache.js';

preloadWithCodeCache('typescript', import.meta.url);
