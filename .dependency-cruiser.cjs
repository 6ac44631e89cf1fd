// Import cycles are refused in the app's code, type-only imports included: two files that import
// each other cannot be read, tested or moved apart. `npm run lint` runs this after ESLint.
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A cycle means two parts that can only be understood together: move the shared piece into a leaf both import.',
      from: { path: '^src-(main|renderer|shared)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (a type cycle ties an interface to its implementation).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
