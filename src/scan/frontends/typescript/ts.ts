// ts-morph is CommonJS. Loaded through `require` (which TypeScript emits as createRequire),
// Node skips scanning its large files for named exports, which `import { ts }` costs.
import tsMorph = require('ts-morph');
import ts = tsMorph.ts;

export { ts };
