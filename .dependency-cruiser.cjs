// The layers of DESIGN.md §3, checked by `npm test` (npm run layers). Imports point down only:
//   model ← impl ← properties ← check ← reports ← api ← cli
// (bench/ and the package entry sit on top and may import anything below them.)
// A test (`*.test.ts`) or a test helper (`*testing.ts`) may reach up to the checker that drives
// what it tests: nothing imports a test, so it cannot close a cycle, and it ships in no layer.
const LAYERS = ['model', 'impl', 'properties', 'check', 'reports', 'api', 'cli'];
const TEST = '(\\.test|testing)\\.ts$';

/** For each layer, the layers above it: what it must not import. */
const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer}`,
  comment: `${layer}/ imports only from ${LAYERS.slice(0, i).join(', ') || 'nothing of ours'} (DESIGN.md §3)`,
  severity: 'error',
  from: { path: `^${layer}/`, pathNot: TEST },
  to: { path: `^(${LAYERS.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'modules import each other in no cycle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'packed-twin-is-model',
      comment: 'model/ (and its packed twin) is the semantics: it imports nothing outside model/',
      severity: 'error',
      from: { path: '^model/', pathNot: TEST },
      to: { path: '^(?!model/)', dependencyTypesNot: ['npm', 'npm-dev', 'core'] },
    },
    {
      name: 'reports-run-no-checker',
      comment: 'reports/ renders what a checker returns: from check/ it takes only the modules that say what a checker returns (its reports, an executed step, a certification plan), never a checker',
      severity: 'error',
      from: { path: '^reports/', pathNot: TEST },
      to: { path: '^check/', pathNot: '^check/[a-z/-]*report\\.ts$|^check/executed-step\\.ts$|^check/certify/plan\\.ts$' },
    },
    {
      name: 'reports-run-no-model',
      comment: 'reports/ runs neither the model nor the emulator: no step, no initial state, no emulator',
      severity: 'error',
      from: { path: '^reports/', pathNot: TEST },
      to: { path: '^(model/(step|initial-state|enabled-commands|handlers/|packed/)|impl/(?!index\\.ts$))' },
    },
    {
      name: 'explore-apart-from-random',
      comment: 'the explorer stands alone: random runs may use its packed system, never the other way round',
      severity: 'error',
      from: { path: '^check/explore/' },
      to: { path: '^check/(random|conformance|certify|sweep)/' },
    },
    {
      name: 'no-test-helpers-in-product',
      comment: 'product code never imports a test or a test helper',
      severity: 'error',
      from: { pathNot: TEST },
      to: { path: TEST },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|reports/out)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
