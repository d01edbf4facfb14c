// The TypeScript compiler's own parser, syntax only. It is CommonJS: loaded through `require`
// (which TypeScript emits as createRequire), Node skips scanning its 9 MB for named exports,
// which `import ts from 'typescript'` costs. The preload compiles it with V8's code cache
// first, so the `require` below finds it ready.
import './preload.js';
import ts = require('typescript');

export { ts };
